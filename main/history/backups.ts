import { renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from './database';
import type { Db } from './database';
import { PARTIAL_SUFFIX, removeDatabase, syncFile, syncFolder } from './historyFiles';

const bindingOption = (nativeBinding: string | undefined) => (nativeBinding === undefined ? {} : { nativeBinding });

/** Switches a copy out of WAL mode, so it is one self-contained file that never needs a -wal/-shm beside it. */
function makeSelfContained(file: string, nativeBinding: string | undefined): void {
  const copy = openDatabase(file, bindingOption(nativeBinding));
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Copies the live database to `file` with SQLite's backup API (a consistent snapshot, even
 * mid-write by another connection), as one self-contained file. The copy is written under a
 * `.partial` name and renamed only once complete and on disk, so a crash never leaves a
 * backup that looks whole but is not.
 */
export async function takeBackup(db: Db, file: string, nativeBinding?: string): Promise<void> {
  const partial = file + PARTIAL_SUFFIX;
  try {
    await db.backup(partial);
    makeSelfContained(partial, nativeBinding);
    syncFile(partial);
    renameSync(partial, file);
    syncFolder(dirname(file));
  } catch (error) {
    removeDatabase(partial);
    throw error;
  }
}

/** Opens a backup read-only and checks it; throws when it is damaged, before anything is overwritten. */
function openCheckedBackup(backupFile: string, nativeBinding: string | undefined): Db {
  const source = openDatabase(backupFile, { readonly: true, ...bindingOption(nativeBinding) });
  const problems = source.pragma('quick_check(1)', { simple: true });
  if (problems === 'ok') return source;
  source.close();
  throw new Error(`The backup ${backupFile} is damaged too (${String(problems)}).`);
}

/**
 * Copies a backup over `destination` through the backup API. When `destination` is open in
 * this process (a migration that failed), its connection sees the restored content at once.
 * Throws when the backup itself is damaged, before anything is overwritten.
 */
export async function copyBackup(backupFile: string, destination: string, nativeBinding?: string): Promise<void> {
  const source = openCheckedBackup(backupFile, nativeBinding);
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
}

/** Copies a backup to a new file `destination`, self-contained and on disk (the first half of an atomic restore). */
export async function copyBackupToNewFile(backupFile: string, destination: string, nativeBinding?: string): Promise<void> {
  await copyBackup(backupFile, destination, nativeBinding);
  makeSelfContained(destination, nativeBinding);
  syncFile(destination);
}
