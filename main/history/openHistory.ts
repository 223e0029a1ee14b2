import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './database';
import { createHistoryStore } from './historyStore';
import type { HistoryStore } from './historyStore';
import { backupDir, freshPath, historyPath, moveDatabase, newestBackup, removePartialBackups } from './historyFiles';
import { recoverRestore } from './restoreJournal';
import { migrate } from './migrate';
import { openReadOnlyHistory, unwritableReason } from './readOnlyHistory';
import { StartupFailure } from '../appFailure';
import type { HistoryNotice } from './types';

export interface OpenHistoryOptions {
  dataDir: string;
  now?: () => number;
  nativeBinding?: string;
}

export interface OpenedHistory {
  store: HistoryStore;
  notices: HistoryNotice[];
}

/** Deleted conversations stay restorable for a day: long enough for undo across a crash or restart. */
export const DELETED_RETENTION_MS = 24 * 60 * 60 * 1000;

/** A file SQLite cannot use as a database, as opposed to a busy disk or a missing folder. */
class DamagedDatabase extends Error {}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether the file starts like a database (or is empty or missing). Checked before SQLite
 * opens it: on a file that is not a database SQLite may discard the -wal beside it, which
 * must be moved aside with it, unchanged.
 */
function looksLikeDatabase(file: string): boolean {
  if (!existsSync(file)) return true;
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(HEADER.length);
    const read = readSync(fd, start, 0, HEADER.length, 0);
    return read === 0 || start.equals(HEADER);
  } finally {
    closeSync(fd);
  }
}

const isDamage = (error: unknown): boolean =>
  error instanceof DamagedDatabase ||
  (error instanceof Database.SqliteError && (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT'))) ||
  (error instanceof Error && error.cause !== undefined && isDamage(error.cause));

/**
 * Opens, migrates and readies the store, reading on the way what the app needs first (schema,
 * the indexes behind purge, recovery and the sidebar's first page), so a damaged file fails
 * here rather than later. Not `quick_check`: it reads every page, 3 s for a 400 MB history
 * (npm run bench), too slow for each start.
 */
async function openStore(file: string, dataDir: string, now: () => number, nativeBinding: string | undefined) {
  if (!looksLikeDatabase(file)) throw new DamagedDatabase('not an SQLite database');
  const db = openDatabase(file, nativeBinding === undefined ? {} : { nativeBinding });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    await migrate(db, { backupDir: backupDir(dataDir), now, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
    const store = createHistoryStore(db, { now });
    store.purgeDeleted(DELETED_RETENTION_MS);
    const interrupted = store.recoverInterrupted();
    store.listConversations({ limit: 1 });
    return { store, interrupted };
  } catch (error) {
    db.close();
    throw error;
  }
}

function damagedNotice(movedTo: string, backup: string | null): HistoryNotice {
  const offer = backup
    ? ` The most recent backup is ${basename(backup)} in ${dirname(backup)}; you can restore it.`
    : ' There is no backup to restore.';
  return {
    id: 'history-moved-aside',
    level: 'warning',
    message:
      'Parley could not read your conversation history because the file is damaged, so it started a new, empty ' +
      `history. The damaged file was kept unchanged at ${movedTo}.${offer}`,
    ...(backup ? { backupFile: backup } : {}),
    offers: ['choose-backup'],
  };
}

/**
 * Opens `<dataDir>/history.sqlite3` at start-up: finishes or undoes a restore a crash cut short,
 * migrates it (with a backup first), purges conversations deleted long ago and recovers answers
 * a crash left streaming. A damaged file never stops the app: it is moved aside unchanged, a new
 * history starts, and a notice names the moved file and the newest backup. A folder that cannot
 * be written opens the history read-only (readOnlyHistory.ts). A failed migration throws its
 * MigrationError (the old file is restored and left for the version that wrote it); what cannot
 * be opened at all throws a StartupFailure that names the file and what to do.
 */
export async function openHistory({ dataDir, now = Date.now, nativeBinding }: OpenHistoryOptions): Promise<OpenedHistory> {
  mkdirSync(dataDir, { recursive: true });
  const file = historyPath(dataDir);
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new StartupFailure(
      `Parley needs a file at ${file} to keep your conversations, but there is a folder there. Move or rename the folder (keep it if it holds anything you need), then start Parley again.`,
    );
  }
  const unwritable = unwritableReason(dataDir);
  if (unwritable !== null) return openReadOnlyHistory(dataDir, file, unwritable, { now, nativeBinding });
  const notices: HistoryNotice[] = [];
  const restored = recoverRestore(dataDir);
  if (restored) notices.push(restored);
  removePartialBackups(dataDir);
  let opened: Awaited<ReturnType<typeof openStore>>;
  try {
    opened = await openStore(file, dataDir, now, nativeBinding);
  } catch (error) {
    if (!isDamage(error)) throw error;
    const movedTo = moveDatabase(file, freshPath(dataDir, 'history.corrupt', now()));
    notices.push(damagedNotice(movedTo, newestBackup(dataDir)));
    opened = await openStore(file, dataDir, now, nativeBinding);
  }
  const { store, interrupted } = opened;
  if (interrupted > 0) {
    notices.push({
      id: 'history-interrupted-answers',
      level: 'info',
      message: `Parley closed while ${interrupted === 1 ? 'an answer was' : `${interrupted} answers were`} arriving. The text that had arrived was kept and marked as interrupted.`,
    });
  }
  return { store, notices };
}
