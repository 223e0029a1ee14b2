import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Notice } from '../../shared/ipc';
import { fileTimestamp } from '../files/fileTimestamp';

export interface OpenedStore<T> {
  store: T;
  /** Set when the file was unreadable and has been moved aside. */
  notice: Notice | null;
}

/** `config.json` → `config.corrupt-20250102-030405.json`, with `-2`, `-3`… if that name is taken. */
function asidePath(filePath: string, date: Date): string {
  const stem = join(dirname(filePath), basename(filePath, extname(filePath)));
  const base = `${stem}.corrupt-${fileTimestamp(date)}`;
  let candidate = `${base}.json`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}.json`;
  return candidate;
}

/**
 * Opens a conf/electron-store file. Both throw a SyntaxError from their constructor
 * when the file is not valid JSON; their own `clearInvalidConfig` would silently
 * start empty and overwrite the file on the next write. Instead we keep the damaged
 * file under a new name, start afresh, and tell the user where the old one is.
 */
export function openStoreFile<T>(
  filePath: string,
  open: () => T,
  now: () => Date = () => new Date(),
): OpenedStore<T> {
  try {
    return { store: open(), notice: null };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'SyntaxError') throw error;
    const movedTo = asidePath(filePath, now());
    renameSync(filePath, movedTo);
    return {
      store: open(),
      notice: {
        id: `store-moved-aside:${basename(filePath)}`,
        level: 'warning',
        message:
          `Parley could not read ${basename(filePath)} because it is damaged (not valid JSON), ` +
          `so it started again with defaults. The old file was kept unchanged at ${movedTo}.`,
      },
    };
  }
}
