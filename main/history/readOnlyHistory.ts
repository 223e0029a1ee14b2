/**
 * The history of a data folder Parley cannot write to (a read-only disk, a folder without
 * write permission): opened read-only, so conversations can still be read, searched and
 * exported, with a notice that says why nothing new is saved and what to do. Every write then
 * fails with SQLITE_READONLY, which the app explains the same way.
 */
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { StartupFailure } from '../appFailure';
import { openDatabase, type Db } from './database';
import { createHistoryStore } from './historyStore';
import { LATEST_VERSION } from './migrations';
import type { OpenedHistory } from './openHistory';

/** Why `dataDir` cannot be written ("the disk is read-only", "permission denied"), or null when it can. */
export function unwritableReason(dataDir: string): string | null {
  try {
    accessSync(dataDir, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EROFS' ? 'it is on a read-only disk' : 'permission denied';
  }
}

/**
 * SQLite reads a WAL database through its -shm file, which it cannot create in a read-only
 * folder (and better-sqlite3 takes no `immutable` URI). Then a copy in the system's temporary
 * folder is read instead, with its -wal so the last commits are there too; `cleanUp` removes it.
 */
function openForReading(file: string, nativeBinding: string | undefined): { db: Db; cleanUp: () => void } {
  const binding = nativeBinding === undefined ? {} : { nativeBinding };
  try {
    const db = openDatabase(file, { readonly: true, ...binding });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return { db, cleanUp: () => undefined };
  } catch {
    const folder = mkdtempSync(join(tmpdir(), 'parley-read-only-'));
    const cleanUp = () => rmSync(folder, { recursive: true, force: true });
    try {
      const copy = join(folder, basename(file));
      copyFileSync(file, copy);
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
      return { db: openDatabase(copy, { readonly: true, ...binding }), cleanUp };
    } catch (error) {
      cleanUp();
      throw error;
    }
  }
}

export function openReadOnlyHistory(dataDir: string, file: string, reason: string, options: { now: () => number; nativeBinding: string | undefined }): OpenedHistory {
  const what = `Parley cannot write to its data folder ${dataDir} (${reason})`;
  if (!existsSync(file)) {
    throw new StartupFailure(`${what}, so it cannot create your history there. Make the folder writable, or start Parley with --data-dir=<a folder you can write to>.`);
  }
  const { db, cleanUp } = openForReading(file, options.nativeBinding);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== LATEST_VERSION) {
      throw new StartupFailure(
        version > LATEST_VERSION
          ? `Your history at ${file} was saved by a newer version of Parley. Update Parley to open it.`
          : `${what}, and your history at ${file} needs an upgrade, which has to write to it. Make the folder writable, then start Parley again; nothing was changed.`,
      );
    }
    const store = createHistoryStore(db, { now: options.now });
    store.listConversations({ limit: 1 });
    const close = store.close;
    return {
      store: {
        ...store,
        close() {
          close();
          cleanUp();
        },
      },
      notices: [
        {
          id: 'history-read-only',
          level: 'warning',
          message: `${what}, so it opened your history read-only: you can read, search and export your conversations, but nothing new is saved. Make the folder writable, then restart Parley.`,
        },
      ],
    };
  } catch (error) {
    db.close();
    cleanUp();
    throw error;
  }
}
