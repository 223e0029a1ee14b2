/**
 * "Restore backup" killed at every step, and at random moments: the next start shows either
 * the history as it was or the backup, never an empty or half-copied one, says what happened,
 * and loses no conversation (a finished restore keeps the replaced history aside).
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/history/database';
import { backupDir, historyPath } from '../../../../main/history/historyFiles';
import { takeBackup } from '../../../../main/history/backups';
import { openHistory } from '../../../../main/history/openHistory';
import { RESTORE_STEPS } from '../../../../main/history/restoreBackup';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { sampleConversation, sampleMessage } from '../export/sample';
import { useTempDir } from './support/tempHistory';
import { bundleChild, runKillable, type WriterChild } from './support/writerChild';

const CURRENT = 1_500;
const BACKED_UP = 1_000;
const RANDOM_KILLS = 16;

const tempDir = useTempDir();
let child: WriterChild;
/** A data folder with CURRENT conversations and, in backups/, a backup holding BACKED_UP others. */
let seeded: string;
const BACKUP_NAME = 'history-v7-20260101-000000.sqlite3';

/** `count` conversations of two messages each, titled `<prefix> <n>`, stored in one transaction. */
function fill(store: HistoryStore, prefix: string, count: number): void {
  const conversations = Array.from({ length: count }, (_, n) =>
    sampleConversation({
      id: randomUUID(),
      title: `${prefix} ${n}`,
      messages: [
        sampleMessage({ id: randomUUID(), content: `question ${n} ${'about restoring '.repeat(8)}` }),
        sampleMessage({ id: randomUUID(), role: 'assistant', content: `answer ${n} ${'with some text '.repeat(12)}` }),
      ],
    }),
  );
  store.importConversations(conversations, 'skip');
}

/** Lives for the whole file (tempDir() folders go after each test). */
const seedRoot = mkdtempSync(join(tmpdir(), 'parley-restore-seed-'));
afterAll(() => rmSync(seedRoot, { recursive: true, force: true }));

beforeAll(async () => {
  child = await bundleChild('tests/fixtures/history/restoreChild.ts');
  const other = join(seedRoot, 'other');
  const backedUp = await openHistory({ dataDir: other });
  fill(backedUp.store, 'Backup', BACKED_UP);
  backedUp.store.close();
  seeded = join(seedRoot, 'seeded');
  const current = await openHistory({ dataDir: seeded });
  fill(current.store, 'Current', CURRENT);
  current.store.close();
  mkdirSync(backupDir(seeded), { recursive: true });
  const source = openDatabase(historyPath(other));
  await takeBackup(source, join(backupDir(seeded), BACKUP_NAME));
  source.close();
}, 60_000);

const titlesIn = (file: string): string[] => {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM conversations').pluck().all() as string[];
  } finally {
    db.close();
  }
};

const onlyPrefix = (titles: string[], prefix: string, count: number) =>
  titles.length === count && titles.every((title) => title.startsWith(`${prefix} `));

/** Starts Parley's history on `dataDir` as the next start would, and checks what a person would get. */
async function afterKill(dataDir: string): Promise<{ restored: boolean; noticeIds: string[] }> {
  const { store, notices } = await openHistory({ dataDir });
  const titles = store.listConversations({ limit: 5_000 }).map((summary) => summary.title);
  store.close();
  const restored = onlyPrefix(titles, 'Backup', BACKED_UP);
  expect(restored || onlyPrefix(titles, 'Current', CURRENT), `${titles.length} conversations: ${titles.slice(0, 3).join(', ')}…`).toBe(true);
  if (restored) {
    // Nothing written since the backup is lost: the replaced history is kept aside, whole.
    const aside = readdirSync(dataDir).filter((name) => /^history\.replaced-.*\.sqlite3$/.test(name));
    expect(aside).toHaveLength(1);
    expect(onlyPrefix(titlesIn(join(dataDir, aside[0] as string)), 'Current', CURRENT)).toBe(true);
  }
  // No temporary copy or journal is left to confuse a later start.
  expect(readdirSync(dataDir).filter((name) => name.includes('restor'))).toEqual([]);
  return { restored, noticeIds: notices.map((notice) => notice.id) };
}

function freshCopy(): string {
  const dir = tempDir();
  cpSync(seeded, dir, { recursive: true });
  return dir;
}

describe('a restore cut short by a kill', () => {
  it.each(RESTORE_STEPS.filter((step) => step !== 'done'))('killed at "%s": the next start finishes or undoes it and says so', async (step) => {
    const dataDir = freshCopy();
    const run = await runKillable(child, [dataDir, join(backupDir(dataDir), BACKUP_NAME), step], { killAt: 'paused' });
    expect(run.exitCode, run.stderr).toBeNull();
    expect(run.lines).toContain(`paused ${step}`);
    const { noticeIds } = await afterKill(dataDir);
    expect(noticeIds.some((id) => id.startsWith('history-restore-'))).toBe(true);
  });

  it('a restore that ran to the end shows the backup', async () => {
    const dataDir = freshCopy();
    const run = await runKillable(child, [dataDir, join(backupDir(dataDir), BACKUP_NAME)]);
    expect(run.lines.at(-1), run.stderr).toBe('restored');
    expect((await afterKill(dataDir)).restored).toBe(true);
  });

  it(`never shows an empty or partial history after ${RANDOM_KILLS} kills at random moments`, async () => {
    const outcomes = { restored: 0, kept: 0 };
    for (let n = 0; n < RANDOM_KILLS; n++) {
      const dataDir = freshCopy();
      const run = await runKillable(child, [dataDir, join(backupDir(dataDir), BACKUP_NAME)], { killAfterMs: Math.random() * 60 });
      expect(run.stderr).toBe('');
      outcomes[(await afterKill(dataDir)).restored ? 'restored' : 'kept']++;
    }
    expect(outcomes.restored + outcomes.kept).toBe(RANDOM_KILLS);
  }, 120_000);
});
