import type { PromptLibrary } from '../../../shared/ipc';

/** What the editor shows for a prompt: its unsaved edits, or what is saved. */
export interface PromptDraft {
  name: string;
  text: string;
}

export type Drafts = Readonly<Record<string, PromptDraft>>;

export function shownDraft(library: PromptLibrary, drafts: Drafts, id: string): PromptDraft {
  const saved = library.prompts.find((prompt) => prompt.id === id);
  return drafts[id] ?? { name: saved?.name ?? '', text: saved?.text ?? '' };
}

/** Drafts that differ from what is saved (a new prompt's draft always does). */
export function unsavedIds(library: PromptLibrary, drafts: Drafts): string[] {
  return Object.entries(drafts)
    .filter(([id, draft]) => {
      const saved = library.prompts.find((prompt) => prompt.id === id);
      return !saved || saved.name !== draft.name || saved.text !== draft.text;
    })
    .map(([id]) => id);
}

export function withoutDraft(drafts: Drafts, id: string): Drafts {
  return Object.fromEntries(Object.entries(drafts).filter(([draftId]) => draftId !== id));
}
