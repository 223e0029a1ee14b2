import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { openDatabase } from '../../../../../main/history/database';
import { createHistoryStore } from '../../../../../main/history/historyStore';
import type { HistoryStore } from '../../../../../main/history/historyStore';
import { migrate } from '../../../../../main/history/migrate';
import type { Db } from '../../../../../main/history/database';
import { manualClock, useTempDir } from './tempHistory';

/** A store on a migrated database file in `dir`, with the raw connection for checks. */
export async function openStore(dir: string, now: () => number): Promise<{ store: HistoryStore; db: Db; file: string }> {
  const file = join(dir, 'history.sqlite3');
  const db = openDatabase(file);
  await migrate(db, { backupDir: join(dir, 'backups'), now });
  return { store: createHistoryStore(db, { now }), db, file };
}

/** A finished answer's outcome, as the chat service reports it. */
export const DONE = { status: 'complete', usage: { promptTokens: 5, completionTokens: 7, totalTokens: 12 }, finishReason: 'stop', error: null, firstTokenMs: 120, durationMs: 900 } as const;

export interface OpenedTestStore {
  store: HistoryStore;
  db: Db;
  clock: ReturnType<typeof manualClock>;
}

/** Before each test: a fresh store on a temp file with a manual clock, closed after the test. */
export function useFreshStore(assign: (opened: OpenedTestStore) => void): void {
  const tempDir = useTempDir();
  beforeEach(async () => {
    const clock = manualClock();
    const { store, db } = await openStore(tempDir(), clock.now);
    assign({ store, db, clock });
    return () => store.close();
  });
}
