/**
 * The journal of a history restore in progress (`history.restore.json`), and what the next
 * start does when a restore was cut short: before the copy was complete it is undone (the
 * copy is dropped, the history was never touched); after, it is finished.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { HistoryNotice } from './types';
import { historyPath, moveDatabase, removeDatabase, syncFile, syncFolder } from './historyFiles';

export const journalPath = (dataDir: string): string => join(dataDir, 'history.restore.json');
/** The backup's copy, beside the history so that the final rename stays on one disk. */
export const restoringPath = (dataDir: string): string => join(dataDir, 'history.restoring.sqlite3');

const journalSchema = z.object({
  /** The backup being restored (its full path, for the notice). */
  backup: z.string(),
  /** Where the current history goes: a file name in the data folder. */
  aside: z.string(),
  /** `copying`: the copy may be incomplete. `swapping`: the copy is complete; the files are being renamed. */
  state: z.enum(['copying', 'swapping']),
});
export type RestoreJournal = z.infer<typeof journalSchema>;

/** Written under a temporary name, synced, then renamed: the journal itself is never half-written. */
export function writeJournal(dataDir: string, journal: RestoreJournal): void {
  const file = journalPath(dataDir);
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(journal));
  syncFile(temp);
  renameSync(temp, file);
  syncFolder(dataDir);
}

function readJournal(dataDir: string): RestoreJournal | null {
  rmSync(`${journalPath(dataDir)}.tmp`, { force: true });
  if (!existsSync(journalPath(dataDir))) return null;
  try {
    return journalSchema.parse(JSON.parse(readFileSync(journalPath(dataDir), 'utf8')));
  } catch {
    // Unreadable: treat it as a copy that may be incomplete, the one case where undoing is always safe.
    return { backup: 'a backup', aside: '', state: 'copying' };
  }
}

/**
 * Puts the complete copy in the history's place: the current history (with its -wal/-shm)
 * moves aside, then one rename makes the copy the history, then the journal goes. Each part is
 * skipped when already done, so it can run again after a kill at any point.
 */
export function swapIn(dataDir: string, journal: RestoreJournal, onStep: (step: 'moved-aside' | 'renamed') => void = () => undefined): void {
  const copy = restoringPath(dataDir);
  if (existsSync(copy)) {
    moveDatabase(historyPath(dataDir), join(dataDir, journal.aside));
    onStep('moved-aside');
    renameSync(copy, historyPath(dataDir));
    syncFolder(dataDir);
  }
  onStep('renamed');
  rmSync(journalPath(dataDir), { force: true });
}

/** Drops the copy and the journal; the history was not touched yet. */
export function undoRestore(dataDir: string): void {
  removeDatabase(restoringPath(dataDir));
  rmSync(journalPath(dataDir), { force: true });
}

const CHOOSE_AGAIN = 'You can restore it again from Settings › Data › Restore from backup…';

/**
 * Run before the history is opened. Finishes or undoes a restore a crash or kill cut short,
 * and says which it did; null when there was none.
 */
export function recoverRestore(dataDir: string): HistoryNotice | null {
  const journal = readJournal(dataDir);
  if (journal === null) {
    // A copy without a journal can only be the remains of a restore that was undone.
    removeDatabase(restoringPath(dataDir));
    return null;
  }
  const backup = basename(journal.backup);
  if (journal.state === 'copying') {
    undoRestore(dataDir);
    return {
      id: 'history-restore-undone',
      level: 'warning',
      message: `Parley closed while it was restoring ${backup}, before the copy was complete, so your history was left as it was. ${CHOOSE_AGAIN}`,
    };
  }
  swapIn(dataDir, journal);
  return {
    id: 'history-restore-finished',
    level: 'info',
    message: `Parley closed while it was restoring ${backup}; the restore has now been finished. Your history before the restore was kept at ${join(dataDir, journal.aside)}.`,
  };
}
