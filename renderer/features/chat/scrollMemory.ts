import type { VirtualItem } from '@tanstack/react-virtual';

/** Where a conversation's list was left, so opening it again shows the same place. */
export interface SavedScroll {
  offset: number;
  /** At the end, following: reopening shows the end, whatever arrived since. */
  following: boolean;
  /** Measured row heights by message id: the offset means the same rows again without re-measuring. */
  measurements: VirtualItem[];
}

/** Enough for a working session; the oldest is forgotten first. */
const LIMIT = 50;
const saved = new Map<string, SavedScroll>();

export function rememberScroll(conversationId: string, scroll: SavedScroll): void {
  saved.delete(conversationId);
  saved.set(conversationId, scroll);
  if (saved.size > LIMIT) saved.delete(saved.keys().next().value as string);
}

export function recallScroll(conversationId: string): SavedScroll | undefined {
  return saved.get(conversationId);
}
