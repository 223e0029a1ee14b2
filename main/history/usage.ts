/**
 * The usage view's numbers: tokens, answers and cost this week, this month and per model, from
 * the answers the history keeps (earlier versions too: a regenerated answer was still billed).
 * Weeks start on Monday and months on the 1st, at midnight on the user's own clock.
 */
import type { ModelList, UsageReport, UsageTotals } from '../../shared/ipc';
import { usageCost } from '../../shared/cost';
import type { Db } from './database';

/** Every answer with usage, of one model, since a moment. */
export interface ModelUsage {
  model: string;
  answers: number;
  promptTokens: number;
  completionTokens: number;
}

/** Every branch alike (hidden versions are rows of `messages` too): each answer was one billed request. */
const ANSWERS = `
  SELECT model, prompt_tokens, completion_tokens, created_at FROM messages
    WHERE role = 'assistant' AND prompt_tokens IS NOT NULL AND completion_tokens IS NOT NULL`;

/** Usage per model of the answers created at or after `since` (ms since epoch). */
export function readModelUsage(db: Db, since: number): ModelUsage[] {
  return db
    .prepare<[number], ModelUsage>(
      `SELECT model, COUNT(*) AS answers, SUM(prompt_tokens) AS promptTokens, SUM(completion_tokens) AS completionTokens
         FROM (${ANSWERS}) WHERE created_at >= ? GROUP BY model`,
    )
    .all(since);
}

/** Monday 00:00 and the 1st 00:00 of the week and month holding `now`, local time. */
export function periodStarts(now: number): { week: number; month: number } {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  const sinceMonday = (day.getDay() + 6) % 7;
  const week = new Date(day.getFullYear(), day.getMonth(), day.getDate() - sinceMonday).getTime();
  const month = new Date(day.getFullYear(), day.getMonth(), 1).getTime();
  return { week, month };
}

function totalsOf(rows: readonly ModelUsage[], info: ModelList['info']): UsageTotals {
  const totals: UsageTotals = { answers: 0, promptTokens: 0, completionTokens: 0, cost: null, unpricedAnswers: 0 };
  for (const row of rows) {
    totals.answers += row.answers;
    totals.promptTokens += row.promptTokens;
    totals.completionTokens += row.completionTokens;
    // Cost is linear in tokens, so one model's summed tokens cost what its answers did.
    const cost = usageCost({ ...row, totalTokens: row.promptTokens + row.completionTokens }, info[row.model]?.price ?? null);
    if (cost === null) totals.unpricedAnswers += row.answers;
    else totals.cost = (totals.cost ?? 0) + cost;
  }
  return totals;
}

export interface UsageReportDeps {
  history: { modelUsage(since: number): ModelUsage[] };
  /** Prices and other details of these models (bundled table and cached live catalogue). */
  describeModels(models: Iterable<string>): Promise<ModelList['info']>;
  now?: () => number;
}

export async function createUsageReport({ history, describeModels, now = Date.now }: UsageReportDeps): Promise<UsageReport> {
  const starts = periodStarts(now());
  const allTime = history.modelUsage(0);
  const info = await describeModels(allTime.map((row) => row.model));
  const byModel = allTime
    .map((row) => ({ model: row.model, ...totalsOf([row], info) }))
    .sort((a, b) => b.promptTokens + b.completionTokens - (a.promptTokens + a.completionTokens) || a.model.localeCompare(b.model));
  return {
    thisWeek: totalsOf(history.modelUsage(starts.week), info),
    thisMonth: totalsOf(history.modelUsage(starts.month), info),
    byModel,
  };
}
