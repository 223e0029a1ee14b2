import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Db } from '../../../../../main/history/database';
import { gramsOf } from '../../../../../main/history/searchGrams';
import type { NewConversation } from '../../../../../main/history/types';

/** A fresh folder per test, removed after it. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-history-'));
    dirs.push(dir);
    return dir;
  };
}

/** A clock that moves only when told to. */
export function manualClock(start = Date.UTC(2025, 0, 2, 3, 4, 5)): { now: () => number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

export const conversationInput = (title = 'A chat'): NewConversation => ({ title, model: 'model-a', systemPrompt: '', params: {} });

export const ok = (db: Db, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): unknown => db.pragma(pragma, { simple: true });

/** The pieces the short-word index holds for each row, read back through fts5vocab. */
function indexedGrams(db: Db, table: string): Map<number, string> {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_check USING fts5vocab(main, ${table}, instance)`);
  const pieces = new Map<number, string[]>();
  for (const { term, doc } of db.prepare(`SELECT term, doc FROM temp.${table}_check`).all() as { term: string; doc: number }[]) {
    const terms = pieces.get(doc);
    if (terms) terms.push(term);
    else pieces.set(doc, [term]);
  }
  return new Map([...pieces].map(([doc, terms]) => [doc, terms.sort().join(' ')]));
}

/** Each live, finished answer's tool calls as one text, as the tool-call indexes (011) hold it. */
const TOOL_TEXTS = `
  SELECT m.seq, group_concat(c.arguments || char(10) || coalesce(c.result_text, ''), char(10)) AS text
  FROM messages AS m JOIN tool_calls AS c ON c.message_id = m.id WHERE m.status <> 'streaming' GROUP BY m.seq`;

/**
 * The search indexes match the content tables: FTS5's own check for the trigram indexes (rank 1
 * compares with external content), and for the short-word indexes, every row's pieces read back
 * and compared with what its text gives now.
 */
export function checkSearchIndex(db: Db): void {
  db.exec("INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1)");
  db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
  const sources = [
    ['conversations_grams', 'SELECT seq, title AS text FROM conversations'],
    ['messages_grams', "SELECT seq, content AS text FROM messages WHERE status <> 'streaming'"],
    ['tool_calls_grams', TOOL_TEXTS],
  ] as const;
  for (const [table, rows] of sources) {
    db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
    const expected = new Map(
      (db.prepare(rows).all() as { seq: number; text: string }[])
        .map(({ seq, text }) => [seq, gramsOf(text).split(' ').filter(Boolean).sort().join(' ')] as const)
        .filter(([, grams]) => grams !== ''),
    );
    expect(indexedGrams(db, table), table).toEqual(expected);
  }
  // The contentless trigram index of tool calls: its own check, and a row for every answer with calls.
  db.exec("INSERT INTO tool_calls_fts (tool_calls_fts) VALUES ('integrity-check')");
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.tool_calls_fts_check USING fts5vocab(main, tool_calls_fts, instance)');
  const indexed = db.prepare('SELECT DISTINCT doc FROM temp.tool_calls_fts_check ORDER BY doc').pluck().all();
  const answers = db.prepare(`SELECT seq FROM (${TOOL_TEXTS}) WHERE length(text) >= 3 ORDER BY seq`).pluck().all();
  expect(indexed, 'tool_calls_fts').toEqual(answers);
}
