import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../../shared/ipc';
import { groupConversations, groupOf, startOfDay } from '../../../../renderer/features/history/groupConversations';

// Wednesday 11 June 2025, 09:30 local time.
const NOW = new Date(2025, 5, 11, 9, 30).getTime();

function summary(id: string, updatedAt: Date, pinned = false): ConversationSummary {
  return { id, title: id, model: 'm', createdAt: 0, updatedAt: updatedAt.getTime(), pinned };
}

describe('groupOf', () => {
  it('puts the boundaries at local midnight', () => {
    expect(groupOf(summary('a', new Date(2025, 5, 11, 0, 0)), NOW)).toBe('Today');
    expect(groupOf(summary('a', new Date(2025, 5, 10, 23, 59, 59, 999)), NOW)).toBe('Yesterday');
    expect(groupOf(summary('a', new Date(2025, 5, 10, 0, 0)), NOW)).toBe('Yesterday');
    expect(groupOf(summary('a', new Date(2025, 5, 9, 23, 59)), NOW)).toBe('Previous 7 days');
    expect(groupOf(summary('a', new Date(2025, 5, 4, 0, 0)), NOW)).toBe('Previous 7 days');
    expect(groupOf(summary('a', new Date(2025, 5, 3, 23, 59)), NOW)).toBe('Older');
  });

  it('counts a time ahead of the clock as today, and pinned before anything else', () => {
    expect(groupOf(summary('a', new Date(2025, 5, 12, 8, 0)), NOW)).toBe('Today');
    expect(groupOf(summary('a', new Date(2020, 0, 1), true), NOW)).toBe('Pinned');
  });

  it('finds midnight by the calendar, not by subtracting 24 hours', () => {
    // Across a month boundary the day before 1 March is 28 February.
    expect(new Date(startOfDay(new Date(2025, 2, 1, 12).getTime(), 1)).getDate()).toBe(28);
  });
});

describe('groupConversations', () => {
  it('lists the groups in order with their conversations newest first, leaving out empty ones', () => {
    const rows = groupConversations(
      [
        summary('old', new Date(2024, 0, 1)),
        summary('today-early', new Date(2025, 5, 11, 1, 0)),
        summary('pinned-old', new Date(2023, 0, 1), true),
        summary('today-late', new Date(2025, 5, 11, 9, 0)),
        summary('last-week', new Date(2025, 5, 6)),
      ],
      NOW,
    );
    expect(rows.map((row) => (row.kind === 'header' ? `# ${row.group}` : row.summary.id))).toEqual([
      '# Pinned',
      'pinned-old',
      '# Today',
      'today-late',
      'today-early',
      '# Previous 7 days',
      'last-week',
      '# Older',
      'old',
    ]);
  });

  it('gives no rows for no conversations', () => {
    expect(groupConversations([], NOW)).toEqual([]);
  });
});
