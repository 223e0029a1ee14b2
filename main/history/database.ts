import { open } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { registerSearchFunctions } from './searchGrams';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path of a better_sqlite3.node built for the running runtime. The Electron entry passes
   * the one from `scripts/electronNative.mjs` in development (see nativeBinding.ts); Node
   * (tests, web mode) and packaged apps use the package's own build.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Pages of a new history file. A search on a history the OS has not cached (after a reboot) reads
 * hundreds of pages at random, each a wait on the disk: 16 KB pages hold four times the rows and
 * index entries of SQLite's default 4 KB, so the same search waits on fewer reads (the search bench
 * at 1,000,000 messages, cold: 11-32% less time at p50 per query class, warm the same). A commit
 * writes whole pages to the log, so it costs a little more (about 0.15 ms for a chat turn's). 32 KB
 * pages searched no faster than 16 KB at 100,000 messages, and 64 KB slower.
 */
export const PAGE_SIZE = 16_384;

/**
 * Opens a history database. WAL lets reads run while a write commits and never leaves a
 * half-written page after a crash. `synchronous=NORMAL` does not fsync on each commit: a
 * killed process keeps every committed transaction (the WAL is in the OS cache), and only
 * a power loss or OS crash can drop the last ones, never corrupting the file. The commits
 * that must survive even that (a user's message, a finished answer) use `durable` writes, or
 * `syncToDisk` after them when the caller need not wait for the disk.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  try {
    if (!options.readonly) {
      // Only a file being created takes it; an existing history keeps the page size it was made with.
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // Another connection (a second window in web mode, a test, the bench) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    // The search triggers call it on every write to a message or title (migration 008).
    registerSearchFunctions(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `durable` commits are fsynced before they return; `relaxed` ones survive a crash of the app, not of the OS. */
export type Durability = 'durable' | 'relaxed';

/**
 * Runs `fn` in a write transaction. BEGIN IMMEDIATE takes the write lock up front, so a
 * busy database waits out busy_timeout instead of failing with SQLITE_BUSY when a read
 * turns into a write. Inside an outer transaction (the bench's seed) it becomes a savepoint,
 * and the outer commit decides durability.
 */
export function write<T>(db: Db, fn: () => T, durability: Durability = 'relaxed'): T {
  const run = db.transaction(fn);
  if (durability === 'relaxed' || db.inTransaction) return run.immediate();
  db.pragma('synchronous = FULL');
  try {
    return run.immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}

/**
 * Makes every commit so far survive an OS crash, as a `durable` write would, without holding up
 * the main thread: the fsync of the write-ahead log runs in Node's thread pool while the caller goes
 * on (a chat sends its request meanwhile). Nothing to do for an in-memory database, or when the log
 * is gone (the last connection closed: it was checkpointed into the synced database file).
 */
export async function syncToDisk(db: Db): Promise<void> {
  if (db.memory) return;
  let log;
  try {
    // Windows flushes only a handle that may write.
    log = await open(`${db.name}-wal`, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await log.sync();
  } finally {
    await log.close();
  }
}
