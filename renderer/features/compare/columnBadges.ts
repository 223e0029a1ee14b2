/**
 * Which finished answers get a badge: Fastest (the shortest total time, what a person waits) and
 * Cheapest (the lowest known cost). Given only once nothing runs, so no badge jumps from column
 * to column while answers end, and only among two or more answers that can be weighed: one
 * answer is not "the fastest" of anything, and a model without a price is never the cheapest.
 */
import { usageCost } from '../../../shared/cost';
import type { ModelList } from '../../../shared/ipc';
import type { Column } from './compareRun';

export type Badge = 'fastest' | 'cheapest';

/** The column id with the smallest value, when at least two columns have one. */
function smallest(values: readonly { id: string; value: number | null }[]): string | null {
  const known = values.filter((entry): entry is { id: string; value: number } => entry.value !== null);
  if (known.length < 2) return null;
  return known.reduce((best, entry) => (entry.value < best.value ? entry : best)).id;
}

export function columnBadges(columns: readonly Column[], prices: ModelList['info']): Map<string, Badge[]> {
  const badges = new Map<string, Badge[]>();
  if (columns.some((column) => column.status === 'streaming')) return badges;
  const finished = columns.filter((column) => column.status === 'complete');
  const award = (id: string | null, badge: Badge) => {
    if (id !== null) badges.set(id, [...(badges.get(id) ?? []), badge]);
  };
  award(smallest(finished.map((column) => ({ id: column.id, value: column.durationMs }))), 'fastest');
  award(smallest(finished.map((column) => ({ id: column.id, value: usageCost(column.usage, prices[column.model]?.price ?? null) }))), 'cheapest');
  return badges;
}
