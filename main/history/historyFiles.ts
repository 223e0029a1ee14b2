import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileTimestamp } from '../files/fileTimestamp';

/** Where the history lives inside the app's data folder. */
export const historyPath = (dataDir: string): string => join(dataDir, 'history.sqlite3');
export const backupDir = (dataDir: string): string => join(dataDir, 'backups');

/** SQLite's companions of a database (WAL, or a rollback journal); they belong with the main file wherever it goes. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/** A backup being written: it gets its real name only once it is complete, so a cut one is never offered. */
export const PARTIAL_SUFFIX = '.partial';

/** `<dir>/<stem>-<time>.sqlite3`, with `-2`, `-3`… when that name is taken (two in one second). */
export function freshPath(dir: string, stem: string, ms: number): string {
  const base = join(dir, `${stem}-${fileTimestamp(new Date(ms))}`);
  let candidate = `${base}.sqlite3`;
  for (let n = 2; existsSync(candidate) || existsSync(candidate + PARTIAL_SUFFIX); n++) candidate = `${base}-${n}.sqlite3`;
  return candidate;
}

/**
 * Renames a database and its companions together; returns the new main file's path. Safe to
 * run again after a kill half-way: whatever is still at `file` follows the rest.
 */
export function moveDatabase(file: string, to: string): string {
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, to + suffix);
  }
  return to;
}

/** Deletes a database file and its companions. */
export function removeDatabase(file: string): void {
  for (const suffix of COMPANIONS) rmSync(file + suffix, { force: true });
}

/** Flushes a file's bytes to the disk, so a rename that follows never publishes a half-written file after a power cut. */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes renames in `dir` durable. Windows cannot open a folder for syncing; there renames are already durable enough. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Not supported for folders on this system.
  } finally {
    closeSync(fd);
  }
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a file starts with SQLite's header: an empty or foreign file in backups/ is never offered. */
export function hasDatabaseHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(HEADER.length);
    return readSync(fd, start, 0, HEADER.length, 0) === HEADER.length && start.equals(HEADER);
  } finally {
    closeSync(fd);
  }
}

/** One of the history backups Parley took before upgrading the history. */
export interface HistoryBackup {
  file: string;
  name: string;
  /** When it was written (ms since the epoch). */
  takenAt: number;
  bytes: number;
}

/** The local time freshPath wrote into a name (`history-v6-20260102-030405.sqlite3`): a copied file keeps it, unlike its mtime. */
function timeInName(name: string): number | null {
  const match = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite3$/.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = new Date(year, month - 1, day, hours, minutes, seconds).getTime();
  return Number.isNaN(time) ? null : time;
}

/**
 * The complete backups in `<dataDir>/backups`, newest first. Files still being written (or cut
 * by a crash) carry PARTIAL_SUFFIX and are left out, as is anything that is not a database.
 */
export function listBackups(dataDir: string): HistoryBackup[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith('history-') && name.endsWith('.sqlite3'))
    .map((name) => join(dir, name))
    .flatMap((file) => {
      try {
        const stats = statSync(file);
        if (!stats.isFile() || !hasDatabaseHeader(file)) return [];
        return [{ file, name: basename(file), takenAt: timeInName(basename(file)) ?? stats.mtimeMs, bytes: stats.size }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

/** The most recently written complete backup in `<dataDir>/backups`, or null. */
export const newestBackup = (dataDir: string): string | null => listBackups(dataDir)[0]?.file ?? null;

/** Removes backups a crash left half-written (they were never offered). */
export function removePartialBackups(dataDir: string): void {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    // The copy's rollback journal (`….partial-journal`) goes with it.
    if (name.endsWith(PARTIAL_SUFFIX) || name.includes(`${PARTIAL_SUFFIX}-`)) rmSync(join(dir, name), { force: true });
  }
}
