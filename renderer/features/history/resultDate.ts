/**
 * When a search result was written, short: the time for today, day and month for this year,
 * with the year before that. `today` is local midnight (useToday).
 */
export function resultDate(ms: number, today: number): string {
  const date = new Date(ms);
  if (ms >= today) return date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  const thisYear = date.getFullYear() === new Date(today).getFullYear();
  return date.toLocaleDateString(undefined, thisYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "1 match", "12 matches", "500+ matches" when the count is a lower bound, "In the title" for a title match only. */
export function matchCountLabel(count: number, more: boolean): string {
  if (count === 0) return 'In the title';
  return `${count.toLocaleString()}${more ? '+' : ''} ${count === 1 && !more ? 'match' : 'matches'}`;
}
