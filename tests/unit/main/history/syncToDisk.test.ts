import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, syncToDisk, write } from '../../../../main/history/database';
import { useTempDir } from './support/tempHistory';

const tempDir = useTempDir();

describe('syncToDisk', () => {
  it("syncs a relaxed commit's write-ahead log, readable by another connection, and has nothing to do once the log is gone", async () => {
    const file = join(tempDir(), 'history.sqlite3');
    const db = openDatabase(file);
    db.exec('CREATE TABLE notes (text TEXT)');
    write(db, () => db.prepare('INSERT INTO notes VALUES (?)').run('kept'), 'relaxed');
    expect(existsSync(`${file}-wal`)).toBe(true);
    await expect(syncToDisk(db)).resolves.toBeUndefined();

    const reader = openDatabase(file, { readonly: true });
    expect(reader.prepare('SELECT text FROM notes').pluck().all()).toEqual(['kept']);
    reader.close();
    // The last connection to close checkpoints the log into the file and removes it.
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    await expect(syncToDisk(db)).resolves.toBeUndefined();
  });

  it('has nothing to sync for an in-memory database', async () => {
    const db = openDatabase(':memory:');
    await expect(syncToDisk(db)).resolves.toBeUndefined();
    db.close();
  });
});
