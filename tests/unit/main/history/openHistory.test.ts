import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, PAGE_SIZE } from '../../../../main/history/database';
import { backupDir, historyPath } from '../../../../main/history/historyFiles';
import { migrate } from '../../../../main/history/migrate';
import { MIGRATIONS } from '../../../../main/history/migrations';
import { DELETED_RETENTION_MS, openHistory } from '../../../../main/history/openHistory';
import { restoreBackup } from '../../../../main/history/restoreBackup';
import { conversationInput, manualClock, ok, useTempDir } from './support/tempHistory';

const tempDir = useTempDir();
const clock = manualClock();

/**
 * A data folder whose history is at schema version 1 with one conversation, then upgraded once (so a backup exists).
 * `pageSize`: the file is made with pages of that size, as Parley made every history before PAGE_SIZE (4 KB, SQLite's default).
 */
async function dataDirWithBackup(pageSize?: number): Promise<{ dataDir: string; backup: string }> {
  const dataDir = tempDir();
  const db = pageSize === undefined ? openDatabase(historyPath(dataDir)) : new Database(historyPath(dataDir));
  if (pageSize !== undefined) {
    db.pragma(`page_size = ${pageSize}`);
    db.pragma('journal_mode = WAL');
  }
  await migrate(db, { backupDir: backupDir(dataDir), now: clock.now, migrations: MIGRATIONS.slice(0, 1) });
  db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Saved before the damage', 1, 1)").run();
  db.close();
  (await openHistory({ dataDir, now: clock.now })).store.close();
  const [backup] = readdirSync(backupDir(dataDir));
  return { dataDir, backup: join(backupDir(dataDir), backup as string) };
}

describe('opening the history', () => {
  it('starts a new history in an empty folder with no notices', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const { store, notices } = await openHistory({ dataDir });
    expect(notices).toEqual([]);
    expect(store.listConversations()).toEqual([]);
    store.close();
    expect(existsSync(historyPath(dataDir))).toBe(true);
  });

  it('keeps conversations across restarts, purges old deletions and recovers interrupted answers', async () => {
    const dataDir = tempDir();
    const { store: before } = await openHistory({ dataDir, now: clock.now });
    const kept = before.createConversation(conversationInput('kept'));
    const deleted = before.createConversation(conversationInput('deleted'));
    before.deleteConversation(deleted.id);
    const writer = before.startAnswer(kept.id, { model: 'm', params: {} }, { flushIntervalMs: 0 });
    writer.append({ content: 'partial' });
    await new Promise((resolve) => setTimeout(resolve, 5)); // let the flush run; then "crash" without finishing
    before.close();

    clock.advance(DELETED_RETENTION_MS + 1);
    const { store, notices } = await openHistory({ dataDir, now: clock.now });
    expect(notices.map((notice) => notice.id)).toEqual(['history-interrupted-answers']);
    expect(store.getConversation(kept.id)?.messages).toMatchObject([{ status: 'interrupted', content: 'partial' }]);
    store.restoreConversation(deleted.id);
    expect(store.listConversations().map((summary) => summary.title)).toEqual(['kept']);
    store.close();
  });

  it('moves a damaged file aside, starts afresh and names the file and the last backup', async () => {
    const { dataDir, backup } = await dataDirWithBackup();
    const garbage = Buffer.from('this is not a database, just bytes '.repeat(200));
    writeFileSync(historyPath(dataDir), garbage);
    writeFileSync(`${historyPath(dataDir)}-wal`, 'stale wal');

    const { store, notices } = await openHistory({ dataDir, now: clock.now });
    expect(store.listConversations()).toEqual([]);
    store.createConversation(conversationInput('new'));
    store.close();

    const moved = readdirSync(dataDir).filter((name) => name.startsWith('history.corrupt-'));
    expect(moved).toHaveLength(2);
    const movedFile = join(dataDir, moved.find((name) => name.endsWith('.sqlite3')) as string);
    expect(readFileSync(movedFile)).toEqual(garbage); // kept unchanged
    expect(readFileSync(`${movedFile}-wal`, 'utf8')).toBe('stale wal');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ id: 'history-moved-aside', level: 'warning', backupFile: backup });
    expect(notices[0]?.message).toContain(movedFile);
    expect(notices[0]?.message).toContain(basename(backup));

    // The user accepts the offer: the backup comes back, upgraded, and today's file is kept aside.
    const restored = await restoreBackup(dataDir, backup, { now: clock.now });
    expect(restored.store.listConversations().map((summary) => summary.title)).toEqual(['Saved before the damage']);
    restored.store.close();
    expect(readdirSync(dataDir).some((name) => /^history\.replaced-.*\.sqlite3$/.test(name))).toBe(true);
  });

  it('treats a file damaged inside (a good header, broken pages) the same way', async () => {
    const { dataDir } = await dataDirWithBackup();
    const file = historyPath(dataDir);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, bytes.length); // keep page 1 (header and schema), wreck the rest
    writeFileSync(file, bytes);
    const { store, notices } = await openHistory({ dataDir, now: clock.now });
    expect(notices.map((notice) => notice.id)).toEqual(['history-moved-aside']);
    store.close();
    const db = openDatabase(file);
    expect(ok(db)).toBe('ok');
    db.close();
  });

  it('says there is no backup when there is none', async () => {
    const dataDir = tempDir();
    writeFileSync(historyPath(dataDir), 'garbage');
    const { store, notices } = await openHistory({ dataDir, now: clock.now });
    store.close();
    expect(notices[0]?.message).toContain('There is no backup to restore.');
    expect(notices[0]).not.toHaveProperty('backupFile');
  });

  it('makes a new history with large pages, and keeps the pages of an older one, its backups and their restores', async () => {
    const pageSizeOf = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true });
      } finally {
        db.close();
      }
    };
    const fresh = tempDir();
    (await openHistory({ dataDir: fresh, now: clock.now })).store.close();
    expect(pageSizeOf(historyPath(fresh))).toBe(PAGE_SIZE);

    // An older history (4 KB pages) is upgraded, backed up and restored as it is, and so is its backup beside a new history.
    const { dataDir, backup } = await dataDirWithBackup(4096);
    expect(pageSizeOf(historyPath(dataDir))).toBe(4096);
    expect(pageSizeOf(backup)).toBe(4096);
    const restored = await restoreBackup(dataDir, backup, { now: clock.now });
    expect(restored.store.listConversations().map((summary) => summary.title)).toEqual(['Saved before the damage']);
    restored.store.close();
    expect(pageSizeOf(historyPath(dataDir))).toBe(4096);

    mkdirSync(backupDir(fresh), { recursive: true });
    const olderBackup = join(backupDir(fresh), basename(backup));
    copyFileSync(backup, olderBackup);
    const restoredBesideNew = await restoreBackup(fresh, olderBackup, { now: clock.now });
    expect(restoredBesideNew.store.listConversations().map((summary) => summary.title)).toEqual(['Saved before the damage']);
    const added = restoredBesideNew.store.createConversation(conversationInput('Written after the restore'));
    restoredBesideNew.store.close();
    const { store } = await openHistory({ dataDir: fresh, now: clock.now });
    expect(store.getConversation(added.id)?.title).toBe('Written after the restore');
    store.close();
  });

  it('restores only backups from the backups folder, and never over a damaged backup', async () => {
    const { dataDir, backup } = await dataDirWithBackup();
    await expect(restoreBackup(dataDir, historyPath(dataDir))).rejects.toThrow(/not one of Parley's history backups/);
    await expect(restoreBackup(dataDir, join(backupDir(dataDir), '..', 'history.sqlite3'))).rejects.toThrow(/not one/);
    writeFileSync(backup, 'garbage');
    await expect(restoreBackup(dataDir, backup)).rejects.toThrow();
    // The current history is where it was.
    const { store } = await openHistory({ dataDir, now: clock.now });
    expect(store.listConversations().map((summary) => summary.title)).toEqual(['Saved before the damage']);
    store.close();
  });
});
