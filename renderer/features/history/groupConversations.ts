import type { ConversationSummary } from '../../../shared/ipc';

export const GROUPS = ['Pinned', 'Today', 'Yesterday', 'Previous 7 days', 'Older'] as const;
export type Group = (typeof GROUPS)[number];

export type SidebarRow = { kind: 'header'; group: Group } | { kind: 'conversation'; summary: ConversationSummary };

/** Local midnight `daysBack` days before the day of `now`; setDate keeps it right across DST changes. */
export function startOfDay(now: number, daysBack = 0): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  day.setDate(day.getDate() - daysBack);
  return day.getTime();
}

/** Which group a conversation falls in, by its last activity in local time. */
export function groupOf(summary: ConversationSummary, now: number): Group {
  if (summary.pinned) return 'Pinned';
  if (summary.updatedAt >= startOfDay(now)) return 'Today';
  if (summary.updatedAt >= startOfDay(now, 1)) return 'Yesterday';
  if (summary.updatedAt >= startOfDay(now, 7)) return 'Previous 7 days';
  return 'Older';
}

/** The sidebar's rows: a header, then its conversations newest first, for each group that has any. */
export function groupConversations(conversations: readonly ConversationSummary[], now: number): SidebarRow[] {
  const byGroup = new Map<Group, ConversationSummary[]>(GROUPS.map((group) => [group, []]));
  for (const summary of conversations) byGroup.get(groupOf(summary, now))?.push(summary);
  return GROUPS.flatMap((group) => {
    const members = (byGroup.get(group) ?? []).sort((a, b) => b.updatedAt - a.updatedAt);
    if (members.length === 0) return [];
    return [{ kind: 'header', group } as const, ...members.map((summary) => ({ kind: 'conversation', summary }) as const)];
  });
}
