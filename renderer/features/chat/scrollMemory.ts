import type { VirtualItem } from '@tanstack/react-virtual';
import { setWithin } from '../../../shared/boundedMap';

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
  setWithin(saved, conversationId, scroll, LIMIT);
}

export function recallScroll(conversationId: string): SavedScroll | undefined {
  return saved.get(conversationId);
}
