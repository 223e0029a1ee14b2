import { openDatabase } from './database';
import type { Db } from './database';

const bindingOption = (nativeBinding: string | undefined) => (nativeBinding === undefined ? {} : { nativeBinding });

/**
 * Copies the live database to `file` with SQLite's backup API (a consistent snapshot, even
 * mid-write by another connection), as one self-contained file: the copy is switched out of
 * WAL mode so it never needs a -wal/-shm beside it.
 */
export async function takeBackup(db: Db, file: string, nativeBinding?: string): Promise<void> {
  await db.backup(file);
  const copy = openDatabase(file, bindingOption(nativeBinding));
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Copies a backup over `destination` through the backup API. When `destination` is open in
 * this process (a migration that failed), its connection sees the restored content at once.
 * Throws when the backup itself is damaged, before anything is overwritten.
 */
export async function copyBackup(backupFile: string, destination: string, nativeBinding?: string): Promise<void> {
  const source = openDatabase(backupFile, { readonly: true, ...bindingOption(nativeBinding) });
  try {
    const problems = source.pragma('quick_check(1)', { simple: true });
    if (problems !== 'ok') throw new Error(`The backup ${backupFile} is damaged too (${String(problems)}).`);
    await source.backup(destination);
  } finally {
    source.close();
  }
}
