import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { createUsageReport, periodStarts } from '../../../../main/history/usage';
import { createModelCatalog } from '../../../../main/models/modelCatalog';
import { openStore } from './support/openStore';
import { conversationInput, manualClock, useTempDir } from './support/tempHistory';

const tempDir = useTempDir();

/** Local times, so the calendar (Monday weeks, 1st-of-month months) is the user's whatever the machine's zone. */
const at = (month: number, day: number, hour = 12) => new Date(2025, month, day, hour).getTime();
const NOW = at(0, 15); // Wednesday 15 January 2025, noon
const PRICED = 'openai/gpt-oss-120b'; // $0.03 in, $0.17 out per million (bundled table)
const UNPRICED = 'Qwen/Qwen3-235B-A22B-Instruct-2507';

const usage = (promptTokens: number, completionTokens: number) => ({ promptTokens, completionTokens, totalTokens: promptTokens + completionTokens });
const outcome = (promptTokens: number, completionTokens: number) =>
  ({ status: 'complete', usage: usage(promptTokens, completionTokens), finishReason: 'stop', error: null, firstTokenMs: 100, durationMs: 500 }) as const;

async function historyWithAnswers(): Promise<{ store: HistoryStore; clock: ReturnType<typeof manualClock>; dir: string }> {
  const dir = tempDir();
  const clock = manualClock(at(-1, 20));
  const { store } = await openStore(dir, clock.now);
  const answer = (conversationId: string, model: string, when: number, tokens: [number, number]) => {
    clock.advance(when - clock.now());
    store.addUserMessage(conversationId, { content: 'Hello', model, params: {} });
    return store.startAnswer(conversationId, { model, params: {} }).finish(outcome(...tokens));
  };
  const { id } = store.createConversation(conversationInput());
  answer(id, UNPRICED, at(-1, 20), [1_000, 2_000]); // last month (December 2024)
  answer(id, PRICED, at(0, 6), [1_000_000, 1_000_000]); // this month, last week: $0.20
  answer(id, PRICED, at(0, 13, 0), [2_000_000, 0]); // Monday 00:00, the week's first moment: $0.06
  const other = store.createConversation(conversationInput('Other')).id;
  const replaced = answer(other, UNPRICED, at(0, 14), [10, 20]);
  // A regenerated answer was billed too: both versions count.
  clock.advance(1000);
  store.regenerateAnswer(other, replaced.id, { model: PRICED, params: {} }).finish(outcome(0, 1_000_000)); // $0.17
  // An answer that failed has no usage and is not counted.
  store.addUserMessage(other, { content: 'Again', model: PRICED, params: {} });
  store.startAnswer(other, { model: PRICED, params: {} }).finish({ ...outcome(0, 0), status: 'error', usage: null, error: { code: 'server', message: 'x' } });
  return { store, clock, dir };
}

describe('usage report', () => {
  it('starts weeks on Monday and months on the 1st, at local midnight', () => {
    expect(periodStarts(NOW)).toEqual({ week: at(0, 13, 0), month: at(0, 1, 0) });
    // A Sunday belongs to the week that began six days before.
    expect(periodStarts(at(0, 19, 23)).week).toBe(at(0, 13, 0));
    expect(periodStarts(at(0, 13, 0)).week).toBe(at(0, 13, 0));
  });

  it('adds up this week, this month and each model from a real history file, costing only priced models', async () => {
    const { store, dir } = await historyWithAnswers();
    const catalog = createModelCatalog({
      cacheFile: join(dir, 'models-cache.json'),
      getEndpoint: async () => ({ baseURL: 'http://127.0.0.1:9/v1', apiKey: null, project: '' }),
    });
    try {
      const report = await createUsageReport({ history: store, describeModels: catalog.describe, now: () => NOW });

      expect(report.thisWeek).toMatchObject({ answers: 3, promptTokens: 2_000_010, completionTokens: 1_000_020, unpricedAnswers: 1 });
      expect(report.thisWeek.cost).toBeCloseTo(0.06 + 0.17, 10);
      expect(report.thisMonth).toMatchObject({ answers: 4, promptTokens: 3_000_010, completionTokens: 2_000_020, unpricedAnswers: 1 });
      expect(report.thisMonth.cost).toBeCloseTo(0.2 + 0.06 + 0.17, 10);
      expect(report.byModel.map(({ model, answers, cost }) => ({ model, answers, cost: cost === null ? null : Number(cost.toFixed(6)) }))).toEqual([
        { model: PRICED, answers: 3, cost: 0.43 },
        { model: UNPRICED, answers: 2, cost: null },
      ]);
    } finally {
      store.close();
    }
  });

  it('reports nothing, and no cost, for an empty history', async () => {
    const dir = tempDir();
    const { store } = await openStore(dir, () => NOW);
    try {
      const report = await createUsageReport({ history: store, describeModels: async () => ({}), now: () => NOW });
      expect(report).toEqual({
        thisWeek: { answers: 0, promptTokens: 0, completionTokens: 0, cost: null, unpricedAnswers: 0 },
        thisMonth: { answers: 0, promptTokens: 0, completionTokens: 0, cost: null, unpricedAnswers: 0 },
        byModel: [],
      });
    } finally {
      store.close();
    }
  });
});
