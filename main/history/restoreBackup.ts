import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { copyBackupToNewFile } from './backups';
import { backupDir, freshPath, PARTIAL_SUFFIX } from './historyFiles';
import { openHistory } from './openHistory';
import type { OpenedHistory, OpenHistoryOptions } from './openHistory';
import { recoverRestore, restoringPath, swapIn, undoRestore, writeJournal } from './restoreJournal';

/** The points a restore passes, in order; a kill between any two is finished or undone at the next start. */
export const RESTORE_STEPS = ['journal', 'copied', 'swapping', 'moved-aside', 'renamed', 'done'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface RestoreOptions extends Omit<OpenHistoryOptions, 'dataDir'> {
  /** Told as each step completes (the restore tests kill the process there). */
  onStep?: (step: RestoreStep) => void;
}

/**
 * Makes `backupFile` (one of `<dataDir>/backups`) the history again and opens it, migrated.
 * The store of the current history must be closed first. The current file is not deleted: it
 * is moved aside as `history.replaced-<time>.sqlite3`, since it may hold conversations written
 * since the backup.
 *
 * Atomic: the backup is copied to a temporary file beside the history and checked, and only
 * then renamed into place; a journal (restoreJournal.ts) lets the next start finish or undo a
 * restore that a crash cut short. The history is never missing or half-copied.
 */
export async function restoreBackup(dataDir: string, backupFile: string, options: RestoreOptions = {}): Promise<OpenedHistory> {
  const { onStep = () => undefined, ...openOptions } = options;
  const source = resolve(backupFile);
  // The path comes from the UI: only complete files directly in the backups folder are accepted.
  if (dirname(source) !== resolve(backupDir(dataDir)) || source.endsWith(PARTIAL_SUFFIX) || !existsSync(source)) {
    throw new Error(`${backupFile} is not one of Parley's history backups.`);
  }
  // A restore an earlier run left unfinished is settled first, so two never mix.
  recoverRestore(dataDir);
  const now = options.now ?? Date.now;
  const journal = { backup: source, aside: basename(freshPath(dataDir, 'history.replaced', now())), state: 'copying' as const };
  writeJournal(dataDir, journal);
  onStep('journal');
  try {
    await copyBackupToNewFile(source, restoringPath(dataDir), options.nativeBinding);
  } catch (error) {
    // A damaged backup: nothing was touched yet.
    undoRestore(dataDir);
    throw error;
  }
  onStep('copied');
  const swapping = { ...journal, state: 'swapping' as const };
  writeJournal(dataDir, swapping);
  onStep('swapping');
  swapIn(dataDir, swapping, onStep);
  onStep('done');
  return openHistory({ ...openOptions, dataDir });
}
