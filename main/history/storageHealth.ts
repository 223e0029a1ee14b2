/**
 * What the app does when the disk under the history fails: a sentence that says so instead of
 * "something went wrong", and for a damaged file a notice that stays until the person acts,
 * offering to back up what can still be read and to restore a backup. SQLite reports damage
 * only when it reads a damaged page; `PRAGMA quick_check` then says how much is damaged (once
 * per run: it reads the whole file).
 */
import { basename } from 'node:path';
import type { AppError, Notice } from '../../shared/ipc';
import { storageAppError, storageProblemOf } from './storageErrors';

export const DAMAGED_NOTICE_ID = 'history-damaged';

export interface StorageHealthDeps {
  /** The history file, named in the notice. */
  historyFile: string;
  quickCheck(): string[];
  post(notice: Notice): void;
}

function damageNotice(historyFile: string, problems: string[]): Notice {
  const found =
    problems.length === 0 || problems[0] === 'ok'
      ? 'SQLite reported a damaged page while reading it'
      : `SQLite's check found ${problems.length >= 10 ? 'at least 10 problems' : problems.length === 1 ? 'a problem' : `${problems.length} problems`}, such as “${problems[0]}”`;
  return {
    id: DAMAGED_NOTICE_ID,
    level: 'warning',
    message:
      `Your history file ${basename(historyFile)} is damaged: ${found}. Conversations stored in the damaged part cannot be opened; ` +
      `the others are fine. Back up everything that can still be read, then restore a backup. The file is ${historyFile}.`,
    offers: ['back-up', 'choose-backup'],
  };
}

export interface StorageHealth {
  /** The AppError for a storage failure (posting the damage notice the first time), or null for any other failure. */
  describe(error: unknown): AppError | null;
  /** Another history file is open now (a backup was restored): damage is looked for afresh. */
  reset(): void;
}

export function createStorageHealth(deps: StorageHealthDeps): StorageHealth {
  let damageReported = false;

  function reportDamage(): void {
    if (damageReported) return;
    damageReported = true;
    let problems: string[];
    try {
      problems = deps.quickCheck();
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    deps.post(damageNotice(deps.historyFile, problems));
  }

  return {
    describe(error) {
      const problem = storageProblemOf(error);
      if (problem === null) return null;
      if (problem === 'history-damaged') reportDamage();
      return storageAppError(problem);
    },
    reset: () => (damageReported = false),
  };
}
