/**
 * The fast bulk path: rows go straight into a schema-1 database (no search index yet) in one
 * transaction, then the real upgrade builds every index, so the time to index a history is the
 * time a user's upgrade takes.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/history/database';
import type { Db } from '../../main/history/database';
import { migrate } from '../../main/history/migrate';
import { MIGRATIONS } from '../../main/history/migrations';
import { Corpus } from './corpus';

export interface SeedReport {
  messages: number;
  conversations: number;
  textChars: number;
  seedMs: number;
  /** The file before any index was built. */
  bytesBeforeIndex: number;
  /** Each upgrade step's time, and the backup taken before the first one. */
  steps: { name: string; ms: number }[];
  backupMs: number;
}

const fileSize = (db: Db): number => {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(db.name).size;
};

function insertRows(db: Db, messageCount: number, start: number): Omit<SeedReport, 'seedMs' | 'bytesBeforeIndex' | 'steps' | 'backupMs'> {
  const corpus = new Corpus();
  const conversation = db.prepare('INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const message = db.prepare(
    "INSERT INTO messages (id, conversation_id, position, role, content, model, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'complete', ?, ?)",
  );
  let messages = 0;
  let conversations = 0;
  let textChars = 0;
  let clock = start;
  db.transaction(() => {
    while (messages < messageCount) {
      const generated = corpus.conversation(Math.min(corpus.conversationPairs(), (messageCount - messages) / 2));
      const id = randomUUID();
      clock += 3_600_000;
      conversation.run(id, generated.title, 'model-a', clock, clock + generated.messages.length * 60_000);
      generated.messages.forEach((row, position) => {
        clock += 60_000;
        textChars += row.content.length;
        message.run(randomUUID(), id, position, row.role, row.content, 'model-a', clock, clock);
      });
      messages += generated.messages.length;
      conversations++;
    }
  })();
  return { messages, conversations, textChars };
}

/** Seeds `messageCount` messages into a new database at `file`, then upgrades it to the newest schema. */
export async function seedHistory(file: string, backupDir: string, messageCount: number): Promise<{ db: Db; report: SeedReport }> {
  const db = openDatabase(file);
  const now = () => Date.UTC(2026, 0, 1);
  await migrate(db, { backupDir, now, migrations: MIGRATIONS.slice(0, 1) });
  db.pragma('synchronous = OFF');
  const seedStart = performance.now();
  const rows = insertRows(db, messageCount, Date.UTC(2018, 0, 1));
  const seedMs = performance.now() - seedStart;
  db.pragma('synchronous = NORMAL');
  const bytesBeforeIndex = fileSize(db);

  const steps: SeedReport['steps'] = [];
  const timed = MIGRATIONS.map((step) => ({
    ...step,
    up(target: Db) {
      const started = performance.now();
      step.up(target);
      steps.push({ name: `${step.version} ${step.name}`, ms: performance.now() - started });
    },
  }));
  const upgradeStart = performance.now();
  await migrate(db, { backupDir, now, migrations: timed });
  const upgradeMs = performance.now() - upgradeStart;
  const backupMs = upgradeMs - steps.reduce((sum, step) => sum + step.ms, 0);
  return { db, report: { ...rows, seedMs, bytesBeforeIndex, steps, backupMs } };
}

/** Bytes of each index: the FTS5 tables and their shadow tables, by prefix. */
export function indexBytes(db: Db, prefixes: readonly string[]): number[] {
  const sizes = db.prepare('SELECT name, pgsize FROM dbstat WHERE aggregate = 1').all() as { name: string; pgsize: number }[];
  return prefixes.map((prefix) => sizes.filter((row) => row.name.startsWith(prefix)).reduce((sum, row) => sum + row.pgsize, 0));
}

export { fileSize };
