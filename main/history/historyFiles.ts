import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileTimestamp } from '../files/fileTimestamp';

/** Where the history lives inside the app's data folder. */
export const historyPath = (dataDir: string): string => join(dataDir, 'history.sqlite3');
export const backupDir = (dataDir: string): string => join(dataDir, 'backups');

/** SQLite's companions of a WAL database; they belong with the main file wherever it goes. */
const COMPANIONS = ['', '-wal', '-shm'] as const;


/** `<dir>/<stem>-<time>.sqlite3`, with `-2`, `-3`… when that name is taken (two in one second). */
export function freshPath(dir: string, stem: string, ms: number): string {
  const base = join(dir, `${stem}-${fileTimestamp(new Date(ms))}`);
  let candidate = `${base}.sqlite3`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}.sqlite3`;
  return candidate;
}

/** Renames a database and its -wal/-shm together; returns the new main file's path. */
export function moveDatabase(file: string, to: string): string {
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, to + suffix);
  }
  return to;
}

/** The most recently written backup in `<dataDir>/backups`, or null. */
export function newestBackup(dataDir: string): string | null {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return null;
  const backups = readdirSync(dir)
    .filter((name) => name.startsWith('history-') && name.endsWith('.sqlite3'))
    .map((name) => join(dir, name))
    .map((file) => ({ file, at: statSync(file).mtimeMs }))
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
  return backups[0]?.file ?? null;
}
