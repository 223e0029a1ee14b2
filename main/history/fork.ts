/**
 * "Fork from here": a new conversation holding the path up to a message, as the original shows
 * it (earlier versions stay behind), with the original's model, system prompt, parameters and
 * endpoint; the original is unchanged. It is laid down by the importer, so a fork is stored
 * exactly as an imported conversation would be, attachments included.
 *
 * The copies carry no usage: they were not billed again, and the usage view sums every stored
 * answer's tokens, so a copy's would count them twice. Their text, status and timings stay.
 */
import { AppFailure } from '../appFailure';
import type { ExportConversation } from '../export/types';

/** The fork's title: the original's with " (fork)" after it. */
export const forkTitle = (title: string): string => `${title.trim() || 'New chat'} (fork)`;

export interface ForkIds {
  conversation: string;
  /** A fresh id for each copied message: ids are unique across the history. */
  message: () => string;
}

/** The conversation `source` up to and including message `messageId`, under new ids, made at `now`. */
export function forkOf(source: ExportConversation, messageId: string, ids: ForkIds, now: number): ExportConversation {
  const end = source.messages.findIndex((message) => message.id === messageId);
  if (end === -1) throw new AppFailure({ code: 'invalid-request', message: `The message ${messageId} is no longer in this conversation; reload it.` });
  return {
    ...source,
    id: ids.conversation,
    title: forkTitle(source.title),
    createdAt: now,
    updatedAt: now,
    pinned: false,
    // Earlier versions are other branches, not the path: the fork leaves them behind.
    messages: source.messages.slice(0, end + 1).map((message) => ({ ...message, id: ids.message(), usage: null, versions: undefined })),
  };
}
