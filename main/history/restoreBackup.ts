import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyBackup } from './backups';
import { backupDir, freshPath, historyPath, moveDatabase } from './historyFiles';
import { openHistory } from './openHistory';
import type { OpenedHistory, OpenHistoryOptions } from './openHistory';

/**
 * Makes `backupFile` (one of `<dataDir>/backups`) the history again and opens it, migrated.
 * The store of the current history must be closed first. The current file is not deleted:
 * it is moved aside as `history.replaced-<time>.sqlite3`, since it may hold conversations
 * written since the backup.
 */
export async function restoreBackup(
  dataDir: string,
  backupFile: string,
  options: Omit<OpenHistoryOptions, 'dataDir'> = {},
): Promise<OpenedHistory> {
  const source = resolve(backupFile);
  // The path comes from the UI: only files directly in the backups folder are accepted.
  if (dirname(source) !== resolve(backupDir(dataDir)) || !existsSync(source)) {
    throw new Error(`${backupFile} is not one of Parley's history backups.`);
  }
  const now = options.now ?? Date.now;
  const file = historyPath(dataDir);
  const replaced = existsSync(file) ? moveDatabase(file, freshPath(dataDir, 'history.replaced', now())) : null;
  try {
    await copyBackup(source, file, options.nativeBinding);
  } catch (error) {
    // A damaged backup: put the current history back where it was.
    if (replaced) moveDatabase(replaced, file);
    throw error;
  }
  return openHistory({ ...options, dataDir });
}
