/**
 * Failures of the disk under the history, told apart so a person hears what happened and what to
 * do, instead of "something went wrong": a full disk, a damaged file, a folder that cannot be
 * written. SQLite reports them by code (SQLITE_FULL, SQLITE_CORRUPT…, SQLITE_READONLY…), Node's
 * file calls by errno (ENOSPC, EROFS…); either may sit in an error's `cause`.
 */
import type { AppError } from '../../shared/ipc';

export type StorageProblem = 'disk-full' | 'history-damaged' | 'read-only';

const BY_CODE: [RegExp, StorageProblem][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)$/, 'disk-full'],
  [/^(SQLITE_CORRUPT|SQLITE_NOTADB)/, 'history-damaged'],
  [/^(SQLITE_READONLY|EROFS|EACCES|EPERM)/, 'read-only'],
];

/** The storage problem behind `error` (or its causes), or null for any other failure. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code !== 'string') continue;
    const found = BY_CODE.find(([pattern]) => pattern.test(code));
    if (found) return found[1];
  }
  return null;
}

/** "The disk is full: Parley cannot save your message…": `what` names what could not be saved. */
export function diskFullError(what: string, consequence: string): AppError {
  return { code: 'disk-full', message: `The disk is full: Parley cannot save ${what}. ${consequence}` };
}

const READ_ONLY: AppError = {
  code: 'read-only',
  message: 'Parley cannot write to its data folder, so your history is open read-only: you can read, search and export, but not save. Make the folder writable, then restart Parley.',
};

const DAMAGED: AppError = {
  code: 'history-damaged',
  message:
    'This is stored in a damaged part of your history file, so Parley cannot read it. Your other conversations are not affected. ' +
    'Back up what can still be read, then restore a backup (Settings › Data › Restore from backup…).',
};

/** The sentence for a storage problem met while doing something other than saving a chat turn. */
export function storageAppError(problem: StorageProblem): AppError {
  switch (problem) {
    case 'disk-full':
      return diskFullError('this change', 'Free some disk space, then try again.');
    case 'read-only':
      return READ_ONLY;
    case 'history-damaged':
      return DAMAGED;
  }
}
