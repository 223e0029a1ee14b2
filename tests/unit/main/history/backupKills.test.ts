/**
 * The backup taken before a schema upgrade, killed part-way: a backup that is offered (listed,
 * or named in a notice) is always complete, and a cut one is never counted and is cleared at the
 * next start.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/history/database';
import { backupDir, historyPath, listBackups } from '../../../../main/history/historyFiles';
import { migrate } from '../../../../main/history/migrate';
import { MIGRATIONS } from '../../../../main/history/migrations';
import { openHistory } from '../../../../main/history/openHistory';
import { useTempDir } from './support/tempHistory';
import { bundleChild, runKillable, type WriterChild } from './support/writerChild';

const CONVERSATIONS = 1_000;
const KILLS = 8;

const tempDir = useTempDir();
const seedRoot = mkdtempSync(join(tmpdir(), 'parley-backup-seed-'));
afterAll(() => rmSync(seedRoot, { recursive: true, force: true }));
let child: WriterChild;

/** A history at schema version 1, large enough (about 8 MB) that copying it takes a while. */
beforeAll(async () => {
  child = await bundleChild('tests/fixtures/history/openChild.ts');
  const db = openDatabase(historyPath(seedRoot));
  await migrate(db, { backupDir: backupDir(seedRoot), now: Date.now, migrations: MIGRATIONS.slice(0, 1) });
  const conversation = db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)");
  const message = db.prepare(
    "INSERT INTO messages (id, conversation_id, position, role, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'complete', 1, 1)",
  );
  db.transaction(() => {
    for (let n = 0; n < CONVERSATIONS; n++) {
      conversation.run(`c-${n}`, `Old chat ${n}`);
      message.run(`q-${n}`, `c-${n}`, 0, 'user', `question ${n} ${'x'.repeat(4_000)}`);
      message.run(`a-${n}`, `c-${n}`, 1, 'assistant', `answer ${n} ${'y'.repeat(4_000)}`);
    }
  })();
  db.close();
}, 60_000);

/**
 * Every backup a person could be offered is whole: it opens, passes quick_check and holds every
 * conversation. A kill before the backup began leaves no backups folder at all: nothing offered.
 */
function checkOffered(dataDir: string): void {
  if (!existsSync(backupDir(dataDir))) return;
  for (const name of readdirSync(backupDir(dataDir)).filter((entry) => entry.endsWith('.sqlite3'))) {
    const db = openDatabase(join(backupDir(dataDir), name), { readonly: true });
    try {
      expect(db.pragma('quick_check', { simple: true }), name).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM conversations').pluck().get(), name).toBe(CONVERSATIONS);
    } finally {
      db.close();
    }
  }
}

describe('a kill during the backup before an upgrade', () => {
  it(`never leaves a backup that looks complete but is not, in ${KILLS} kills`, async () => {
    // How long an uncut start takes here, so the kills land within it.
    const timed = tempDir();
    cpSync(seedRoot, timed, { recursive: true });
    const started = performance.now();
    expect((await runKillable(child, [timed])).lines).toContain('opened');
    const window = performance.now() - started;
    let cut = 0;
    for (let n = 0; n < KILLS; n++) {
      const dataDir = tempDir();
      cpSync(seedRoot, dataDir, { recursive: true });
      const run = await runKillable(child, [dataDir], { killAfterMs: Math.random() * window * 0.8 });
      expect(run.stderr).toBe('');
      if (!run.lines.includes('opened')) cut++;
      checkOffered(dataDir);

      // The next start upgrades (taking a whole backup) and clears what the kill left.
      const { store } = await openHistory({ dataDir });
      expect(store.countConversations()).toBe(CONVERSATIONS);
      store.close();
      checkOffered(dataDir);
      expect(readdirSync(backupDir(dataDir)).filter((name) => !name.endsWith('.sqlite3'))).toEqual([]);
      expect(listBackups(dataDir).length).toBeGreaterThanOrEqual(1);
    }
    expect(cut).toBeGreaterThan(0);
  }, 180_000);
});
