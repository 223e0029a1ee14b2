import { mkdirSync } from 'node:fs';
import { copyBackup, takeBackup } from './backups';
import { write } from './database';
import type { Db } from './database';
import { freshPath } from './historyFiles';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

export interface MigrateOptions {
  /** Where the copy taken before migrating goes (`<dataDir>/backups`). */
  backupDir: string;
  now: () => number;
  /** Tests inject a list with a failing step. */
  migrations?: readonly Migration[];
  nativeBinding?: string;
}

export interface MigrationReport {
  from: number;
  to: number;
  /** The copy taken before migrating; null when there was nothing to keep. */
  backupFile: string | null;
}

/** A migration that could not run; `message` is written for the user. The database is as it was. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly backupFile: string | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

const userVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

const isEmpty = (db: Db): boolean =>
  (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) === 0;

/**
 * Brings the schema to the newest version, one transaction per step. Before the first step on
 * a database that holds anything, a copy goes to `backups/history-v<from>-<time>.sqlite3`; if
 * a step fails, the copy is put back (earlier steps have committed by then) and a
 * MigrationError says what happened.
 */
export async function migrate(db: Db, options: MigrateOptions): Promise<MigrationReport> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const from = userVersion(db);
  if (from > latest) {
    throw new MigrationError(
      `Your history was saved by a newer version of Parley (format ${from}; this version reads up to ${latest}). ` +
        'Update Parley to open it; the file was not changed.',
      from,
      null,
    );
  }
  if (from === latest) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 || !isEmpty(db)) {
    mkdirSync(options.backupDir, { recursive: true });
    backupFile = freshPath(options.backupDir, `history-v${from}`, options.now());
    await takeBackup(db, backupFile, options.nativeBinding);
  }

  for (const migration of migrations.filter((step) => step.version > from)) {
    try {
      write(db, () => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }, 'durable');
    } catch (cause) {
      if (backupFile) await copyBackup(backupFile, db.name, options.nativeBinding);
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new MigrationError(
        `Parley could not upgrade your history (step ${migration.version}, ${migration.name}: ${reason}). ` +
          (backupFile
            ? `Nothing was lost: your history was put back as it was before the upgrade, and a copy is kept at ${backupFile}.`
            : 'Your history was empty, so nothing was lost.'),
        from,
        backupFile,
        { cause },
      );
    }
  }
  return { from, to: latest, backupFile };
}
