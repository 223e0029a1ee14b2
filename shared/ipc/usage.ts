/** The usage table: tokens and cost from the saved history. */
import { call, emptySchema, returns } from './call';

/** Answers and what they used over a period or for one model; cost only from answers whose model has a known price. */
export interface UsageTotals {
  answers: number;
  promptTokens: number;
  completionTokens: number;
  /** US dollars for the priced answers; null when none had a known price. */
  cost: number | null;
  /** Answers counted in the tokens whose model has no known price. */
  unpricedAnswers: number;
}

/** Usage from the saved history (every answer with usage, earlier versions included), in the user's local calendar. */
export interface UsageReport {
  /** Since Monday 00:00. */
  thisWeek: UsageTotals;
  /** Since the 1st, 00:00. */
  thisMonth: UsageTotals;
  /** All saved history, per model, most tokens first. */
  byModel: (UsageTotals & { model: string })[];
}

export const usageCalls = {
  /** Tokens and cost this week, this month and per model, from the history. */
  usageReport: call({ channel: 'usage:report', request: emptySchema, response: returns<UsageReport>() }),
};
