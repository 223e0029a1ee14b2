/**
 * A chat turn's writes to the search index, as the app makes them one after another: the
 * question's commit (on the way to the request) and the answer's end (the flushes between them
 * leave the index alone). On two copies of one history of SEEDED messages (indexed by the real
 * upgrade, as a person's is): Parley's way (the index merged when idle, searchMerges.ts, in the
 * pause a person takes to read every few turns) and FTS5's own (merged inside the writes).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../main/history/database';
import { createHistoryStore } from '../../main/history/historyStore';
import { SEARCH_TABLES, mergeSearchStep } from '../../main/history/searchMerges';
import { QUICK } from '../options';
import { percentiles } from '../report';
import { seedHistory } from '../search/seed';

const SEEDED = QUICK ? 5_000 : 20_000;
const TURNS = QUICK ? 200 : 600;
/** Turns between two pauses to read (Parley merges in them). */
const TURNS_BETWEEN_PAUSES = 10;

export interface TurnCommitTimes {
  question: number[];
  answerEnd: number[];
  /** Parley's merge steps in the pauses (none for FTS5's way, which merges inside the writes). */
  idleSteps: number[];
}

function timed(samples: number[], fn: () => void): void {
  const start = performance.now();
  fn();
  samples.push(performance.now() - start);
}

function runTurns(db: Db, mergeInWrites: boolean): TurnCommitTimes {
  const times: TurnCommitTimes = { question: [], answerEnd: [], idleSteps: [] };
  const store = createHistoryStore(db);
  // The store turned FTS5's merging off; the baseline gets its defaults back.
  if (mergeInWrites) {
    for (const table of SEARCH_TABLES) {
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 4)`).run();
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('crisismerge', 16)`).run();
    }
  }
  const { id } = store.createConversation({ title: 'Turns', model: 'model-a', systemPrompt: '', params: {} });
  for (let turn = 0; turn < TURNS; turn++) {
    let writer: ReturnType<typeof store.startAnswer> | undefined;
    timed(times.question, () => {
      writer = store.atomically(() => {
        store.addUserMessage(id, { content: `Question ${turn}: how does the cache keep the database index warm?`, model: 'model-a', params: {} });
        return store.startAnswer(id, { model: 'model-a', params: {} });
      }, 'relaxed');
    });
    if (!writer) throw new Error('no answer row');
    const answer = writer;
    answer.append({ content: 'The answer goes on about the memory cache, the index and the query plan. '.repeat(24) });
    timed(times.answerEnd, () => answer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 300, durationMs: 4000 }));
    if (!mergeInWrites && turn % TURNS_BETWEEN_PAUSES === TURNS_BETWEEN_PAUSES - 1) {
      for (let more = true; more; ) timed(times.idleSteps, () => (more = mergeSearchStep(db)));
    }
  }
  store.close();
  return times;
}

export async function timeTurnCommits(): Promise<{ seeded: number; turns: number; parley: TurnCommitTimes; fts5: TurnCommitTimes }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-turns-'));
  try {
    const parleyFile = join(dir, 'parley.sqlite');
    const { db } = await seedHistory(parleyFile, join(dir, 'backups'), SEEDED);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fts5File = join(dir, 'fts5.sqlite');
    copyFileSync(parleyFile, fts5File);
    const fts5 = runTurns(openDatabase(fts5File), true);
    const parley = runTurns(openDatabase(parleyFile), false);
    return { seeded: SEEDED, turns: TURNS, parley, fts5 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** p50 / p95 / max of samples, in ms. */
export function spread(samples: number[]): string {
  const { p50, p95 } = percentiles(samples);
  return `${p50.toFixed(2)} / ${p95.toFixed(2)} / ${Math.max(...samples).toFixed(1)} ms`;
}
