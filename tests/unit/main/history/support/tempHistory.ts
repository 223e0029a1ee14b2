import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../../../../main/history/database';
import type { NewConversation } from '../../../../../main/history/types';

/** A fresh folder per test, removed after it. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-history-'));
    dirs.push(dir);
    return dir;
  };
}

/** A clock that moves only when told to. */
export function manualClock(start = Date.UTC(2025, 0, 2, 3, 4, 5)): { now: () => number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

export const conversationInput = (title = 'A chat'): NewConversation => ({ title, model: 'model-a', systemPrompt: '', params: {} });

export const ok = (db: Db, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): unknown => db.pragma(pragma, { simple: true });

/** FTS5's own check that the index matches the content tables (rank 1 compares with external content). */
export function checkSearchIndex(db: Db): void {
  db.exec("INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1)");
  db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
}
