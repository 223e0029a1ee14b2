import type { Db } from './database';
import { likePattern, parseQuery } from './searchQuery';
import type { ParsedQuery } from './searchQuery';
import { MARK_CLOSE, MARK_OPEN, markWords, toSegments } from './snippet';
import type { MessageRole, SearchResult } from './types';

export interface SearchOptions {
  limit?: number;
}

interface Hit {
  conversationId: string;
  messageId: string | null;
  title: string;
  role: MessageRole | null;
  /** Text with MARK_OPEN/MARK_CLOSE around matches (FTS5), or plain text to mark (LIKE). */
  text: string;
  /** bm25: lower is better; 0 for LIKE hits, which have no rank. */
  rank: number;
  updatedAt: number;
}

/** FTS5 counts trigram tokens, about one per character: 48 gives a line of context. */
const SNIPPET_TOKENS = 48;

/** One search target: a table, its FTS index and its text column. */
interface Target {
  fts: string;
  table: string;
  rowid: string;
  /** Joins the conversation, for its title and deleted_at. */
  joins: string;
  text: string;
  columns: string;
  /** Rows that may be found: not deleted, and not streaming (unindexed, see 002_search.ts). */
  live: string;
}

const TITLES: Target = {
  fts: 'conversations_fts',
  table: 'conversations AS c',
  rowid: 'c.seq',
  joins: '',
  live: 'c.deleted_at IS NULL',
  text: 'c.title',
  columns: 'c.id AS conversationId, NULL AS messageId, c.title AS title, NULL AS role, c.updated_at AS updatedAt',
};

const MESSAGES: Target = {
  fts: 'messages_fts',
  table: 'messages AS m',
  rowid: 'm.seq',
  joins: 'JOIN conversations AS c ON c.id = m.conversation_id',
  live: "c.deleted_at IS NULL AND m.status <> 'streaming'",
  text: 'm.content',
  columns: 'm.conversation_id AS conversationId, m.id AS messageId, c.title AS title, m.role AS role, m.updated_at AS updatedAt',
};

/**
 * bm25 ranks the most recent matches only. Ranking every match of a common word ("the", in
 * most of 200,000 messages) took 140 ms; walking the index newest first and stopping here
 * takes 7 ms (npm run bench), and in a chat history the recent is what people look for.
 */
const CANDIDATES = 500;

/**
 * Hits in one target, best first. With indexed words: FTS5 MATCH over the newest candidates,
 * ranked by bm25, then snippet() for the kept rows only. Words shorter than 3 characters are
 * checked with LIKE; a query of only such words (a 1–2 character CJK word, an emoji) scans
 * newest first.
 */
function hitsIn(db: Db, target: Target, query: ParsedQuery, limit: number): Hit[] {
  const likes = query.shortWords.map(() => `AND ${target.text} LIKE ? ESCAPE '\\'`).join(' ');
  const patterns = query.shortWords.map(likePattern);
  if (query.match === null) {
    const sql = `SELECT ${target.columns}, ${target.text} AS text, 0 AS rank FROM ${target.table} ${target.joins}
      WHERE ${target.live} ${likes} ORDER BY ${target.rowid} DESC LIMIT ?`;
    return db.prepare(sql).all(...patterns, limit) as Hit[];
  }
  const ranked = `
    WITH candidates AS (
      SELECT rowid, rank FROM ${target.fts} WHERE ${target.fts} MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES}
    )
    SELECT ${target.columns}, candidates.rowid AS rowid, candidates.rank AS rank
    FROM candidates JOIN ${target.table} ON ${target.rowid} = candidates.rowid ${target.joins}
    WHERE ${target.live} ${likes}
    ORDER BY candidates.rank LIMIT ?`;
  const hits = db.prepare(ranked).all(query.match, ...patterns, limit) as (Omit<Hit, 'text'> & { rowid: number })[];
  const marked =
    target === TITLES
      ? `highlight(${target.fts}, 0, ?, ?)`
      : `snippet(${target.fts}, 0, ?, ?, '…', ${SNIPPET_TOKENS})`;
  const snippet = db.prepare(`SELECT ${marked} FROM ${target.fts} WHERE ${target.fts} MATCH ? AND rowid = ?`).pluck();
  return hits.map(({ rowid, ...hit }) => ({ ...hit, text: snippet.get(MARK_OPEN, MARK_CLOSE, query.match, rowid) as string }));
}

/**
 * Full-text search over titles and messages of conversations that are not deleted. Never
 * throws on what a user types (see searchQuery.ts); an empty query finds nothing.
 */
export function search(db: Db, input: string, { limit = 50 }: SearchOptions = {}): SearchResult[] {
  const query = parseQuery(input);
  if (!query) return [];
  return [...hitsIn(db, TITLES, query, limit), ...hitsIn(db, MESSAGES, query, limit)]
    .sort((a, b) => a.rank - b.rank || b.updatedAt - a.updatedAt)
    .slice(0, limit)
    .map((hit) => ({
      conversationId: hit.conversationId,
      messageId: hit.messageId,
      title: hit.title,
      role: hit.role,
      snippet: toSegments(query.match === null ? markWords(hit.text, query.words) : hit.text),
    }));
}
