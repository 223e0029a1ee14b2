import { describe, expect, it } from 'vitest';
import { adjacentConversation } from '../../../../renderer/features/history/adjacentConversation';

describe('previous and next conversation', () => {
  const now = Date.UTC(2026, 0, 10, 12);
  const summary = (id: string, updatedAt: number, pinned = false) => ({ id, title: id, model: 'm', createdAt: 0, updatedAt, pinned });
  // Sidebar order: pinned first, then newest first.
  const list = [summary('old', now - 10 * 86_400_000), summary('new', now - 1000), summary('pinned', now - 20 * 86_400_000, true)];

  it('follows the sidebar order and stops at the ends', () => {
    expect(adjacentConversation(list, 'pinned', 1, now)).toBe('new');
    expect(adjacentConversation(list, 'new', 1, now)).toBe('old');
    expect(adjacentConversation(list, 'old', 1, now)).toBeNull();
    expect(adjacentConversation(list, 'new', -1, now)).toBe('pinned');
    expect(adjacentConversation(list, 'pinned', -1, now)).toBeNull();
  });

  it('from a new chat, next is the first conversation', () => {
    expect(adjacentConversation(list, 'unsaved', 1, now)).toBe('pinned');
    expect(adjacentConversation(list, 'unsaved', -1, now)).toBeNull();
  });
});
