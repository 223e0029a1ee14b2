import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_INTERVAL_MS } from '../../../../main/history/answerWriter';
import type { Timers } from '../../../../main/history/answerWriter';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { openStore } from './support/openStore';
import { conversationInput, manualClock, useTempDir } from './support/tempHistory';

/** Timers on a manual clock: `advance` runs what falls due, in order. */
function fakeTimers(clock: ReturnType<typeof manualClock>): Timers & { advance(ms: number): void } {
  let due: { at: number; callback: () => void }[] = [];
  return {
    setTimeout(callback, ms) {
      const timer = { at: clock.now() + ms, callback };
      due.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      due = due.filter((timer) => timer !== handle);
    },
    advance(ms) {
      const end = clock.now() + ms;
      for (let next = due.sort((a, b) => a.at - b.at)[0]; next && next.at <= end; next = due.sort((a, b) => a.at - b.at)[0]) {
        due = due.filter((timer) => timer !== next);
        clock.advance(next.at - clock.now());
        next.callback();
      }
      clock.advance(end - clock.now());
    },
  };
}

const tempDir = useTempDir();
let clock: ReturnType<typeof manualClock>;
let timers: ReturnType<typeof fakeTimers>;
let store: HistoryStore;
let db: Db;

beforeEach(async () => {
  clock = manualClock();
  timers = fakeTimers(clock);
  ({ store, db } = await openStore(tempDir(), clock.now));
  return () => store.close();
});

describe('answer writer', () => {
  it('saves a streaming answer at most every 250 ms, and its text is in the row mid-stream', () => {
    const { id } = store.createConversation(conversationInput());
    const writer = store.startAnswer(id, { model: 'm', params: {} }, { timers });
    const row = db.prepare('SELECT content, reasoning, status, updated_at AS updatedAt FROM messages WHERE id = ?');
    const flushes: number[] = [];
    let last = '';

    // A token every 10 ms for 2 s.
    for (let tick = 0; tick < 200; tick++) {
      writer.append({ content: `t${tick} `, ...(tick < 3 ? { reasoning: `r${tick} ` } : {}) });
      timers.advance(10);
      const { content, updatedAt } = row.get(writer.message.id) as { content: string; updatedAt: number };
      if (content !== last) flushes.push(updatedAt);
      last = content;
    }
    expect(flushes.length).toBeGreaterThanOrEqual(7);
    expect(flushes.length).toBeLessThanOrEqual(8);
    for (let n = 1; n < flushes.length; n++) expect((flushes[n] as number) - (flushes[n - 1] as number)).toBeGreaterThanOrEqual(FLUSH_INTERVAL_MS);

    const midStream = row.get(writer.message.id) as { content: string; reasoning: string; status: string };
    expect(midStream.status).toBe('streaming');
    expect(midStream.reasoning).toBe('r0 r1 r2 ');
    expect(midStream.content.startsWith('t0 t1 ')).toBe(true);

    writer.finish({ status: 'complete', usage: { promptTokens: 1, completionTokens: 200, totalTokens: 201 }, finishReason: 'stop', error: null, firstTokenMs: 10, durationMs: 2000 });
    expect(row.get(writer.message.id)).toMatchObject({ content: Array.from({ length: 200 }, (_, tick) => `t${tick} `).join(''), status: 'complete' });
  });

  it('writes nothing while nothing arrives, and nothing after finishing', () => {
    const { id } = store.createConversation(conversationInput());
    const writer = store.startAnswer(id, { model: 'm', params: {} }, { timers });
    const updatedAt = () => db.prepare('SELECT updated_at FROM messages WHERE id = ?').pluck().get(writer.message.id);
    const created = updatedAt();
    timers.advance(5 * FLUSH_INTERVAL_MS);
    expect(updatedAt()).toBe(created);

    writer.append({ content: 'one' });
    writer.finish({ status: 'stopped', usage: null, finishReason: null, error: null, firstTokenMs: 1, durationMs: 2 });
    const finished = updatedAt();
    timers.advance(5 * FLUSH_INTERVAL_MS);
    expect(updatedAt()).toBe(finished);
  });

  it('keeps streaming text in memory when a save fails, and saves all of it on finish', () => {
    const { id } = store.createConversation(conversationInput());
    const writer = store.startAnswer(id, { model: 'm', params: {} }, { timers });
    writer.append({ content: 'before ' });
    db.exec("CREATE TRIGGER fail_flush BEFORE UPDATE OF content ON messages WHEN new.status = 'streaming' BEGIN SELECT raise(ABORT, 'disk full'); END");
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    timers.advance(FLUSH_INTERVAL_MS);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    db.exec('DROP TRIGGER fail_flush');
    writer.append({ content: 'after' });
    expect(writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2 }).content).toBe('before after');
  });
});
