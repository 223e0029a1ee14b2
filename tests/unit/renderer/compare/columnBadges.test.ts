import { describe, expect, it } from 'vitest';
import type { ChatResult, ModelInfo } from '../../../../shared/ipc';
import { columnBadges } from '../../../../renderer/features/compare/columnBadges';
import { columnsReducer, startColumn, type Column } from '../../../../renderer/features/compare/compareRun';

const usage = { promptTokens: 1_000, completionTokens: 1_000, totalTokens: 2_000 };

function finished(model: string, durationMs: number, status: ChatResult['status'] = 'complete'): Column {
  const column = startColumn(model, model, 0);
  const result: ChatResult = { status, content: 'An answer', reasoning: '', usage, finishReason: 'stop', error: null, firstTokenMs: 100, durationMs, thinkingMs: null };
  return columnsReducer([column], { type: 'finish', id: model, result })[0] as Column;
}

const price = (input: number, output: number): ModelInfo => ({ price: { input, output } }) as ModelInfo;

describe('Compare badges', () => {
  it('marks the quickest finished answer Fastest and the lowest known cost Cheapest', () => {
    const columns = [finished('a', 4_000), finished('b', 1_500), finished('c', 2_000)];
    const badges = columnBadges(columns, { a: price(0.1, 0.2), b: price(1, 2), c: price(0.5, 0.5) });
    expect(Object.fromEntries(badges)).toEqual({ a: ['cheapest'], b: ['fastest'] });
  });

  it('gives none while an answer still streams, so no badge moves as answers end', () => {
    expect(columnBadges([finished('a', 1_000), startColumn('b', 'b', 0)], {}).size).toBe(0);
  });

  it('weighs only what can be weighed: stopped answers never win, one answer is not the fastest, no price is never cheapest', () => {
    expect(columnBadges([finished('a', 1_000), finished('b', 500, 'stopped')], { a: price(1, 1) }).size).toBe(0);
    const badges = columnBadges([finished('a', 1_000), finished('b', 2_000)], { a: price(1, 1) });
    expect(Object.fromEntries(badges)).toEqual({ a: ['fastest'] });
  });
});
