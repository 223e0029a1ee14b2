import type { Message } from './conversationReducer';

/** What the thread says about an answer's model: named on the first answer, "Switched to" where it changes. */
export type ModelNote = 'first' | 'switched';

/** The notes by answer id: only answers whose model differs from the answer before them get one. */
export function modelNotes(messages: readonly Message[]): ReadonlyMap<string, ModelNote> {
  const notes = new Map<string, ModelNote>();
  let previous: string | null = null;
  for (const message of messages) {
    if (message.role !== 'assistant' || message.model === '') continue;
    if (message.model !== previous) notes.set(message.id, previous === null ? 'first' : 'switched');
    previous = message.model;
  }
  return notes;
}
