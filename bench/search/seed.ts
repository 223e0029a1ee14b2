/**
 * The fast bulk path: rows go straight into a schema-1 database (no search index yet) in one
 * transaction, then the real upgrade builds every index, so the time to index a history is the
 * time a user's upgrade takes. Tool calls are laid down in the upgrade, right after the step
 * that makes their table, so the step that indexes them (011) indexes them as a user's would.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/history/database';
import type { Db } from '../../main/history/database';
import { migrate } from '../../main/history/migrate';
import { MIGRATIONS } from '../../main/history/migrations';
import { tools } from '../../main/history/migrations/010_tools';
import { Corpus } from './corpus';

export interface SeedReport {
  messages: number;
  conversations: number;
  toolCalls: number;
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

function insertRows(db: Db, messageCount: number, start: number): Omit<SeedReport, 'toolCalls' | 'seedMs' | 'bytesBeforeIndex' | 'steps' | 'backupMs'> {
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

/** Answers in this many make a tool call. */
const TOOL_CALL_EVERY = 10;

/**
 * One call in every tenth answer, its result the four messages before the answer (a file or a
 * page a tool read is longer than a message), its arguments a query of the question's first words.
 */
function insertToolCalls(db: Db): number {
  return db.prepare(`
    INSERT INTO tool_calls (id, message_id, position, round, content_offset, server_name, tool, arguments, status, result_text, started_at)
    SELECT 'call-' || m.seq, m.id, 0, 1, 0, 'Bench', 'search',
      json_object('query', substr((SELECT content FROM messages WHERE seq = m.seq - 1), 1, 40)), 'complete',
      (SELECT group_concat(content, char(10)) FROM messages WHERE seq BETWEEN m.seq - 4 AND m.seq - 1), m.created_at
    FROM messages AS m WHERE m.role = 'assistant' AND m.seq % (2 * ${TOOL_CALL_EVERY}) = 0`).run().changes;
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
  let toolCalls = 0;
  let toolCallsMs = 0;
  const timed = MIGRATIONS.map((step) => ({
    ...step,
    up(target: Db) {
      const started = performance.now();
      step.up(target);
      steps.push({ name: `${step.version} ${step.name}`, ms: performance.now() - started });
      if (step.version !== tools.version) return;
      const seeding = performance.now();
      toolCalls = insertToolCalls(target);
      toolCallsMs = performance.now() - seeding;
    },
  }));
  const upgradeStart = performance.now();
  await migrate(db, { backupDir, now, migrations: timed });
  const upgradeMs = performance.now() - upgradeStart;
  const backupMs = upgradeMs - toolCallsMs - steps.reduce((sum, step) => sum + step.ms, 0);
  return { db, report: { ...rows, toolCalls, seedMs: seedMs + toolCallsMs, bytesBeforeIndex, steps, backupMs } };
}

/** Bytes of each index: the FTS5 tables and their shadow tables, by prefix. */
export function indexBytes(db: Db, prefixes: readonly string[]): number[] {
  const sizes = db.prepare('SELECT name, pgsize FROM dbstat WHERE aggregate = 1').all() as { name: string; pgsize: number }[];
  return prefixes.map((prefix) => sizes.filter((row) => row.name.startsWith(prefix)).reduce((sum, row) => sum + row.pgsize, 0));
}

export { fileSize };
