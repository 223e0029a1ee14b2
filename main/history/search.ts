import { containsAll, fold } from '../../shared/searchText';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { planSearch } from './searchQuery';
import type { SearchPlan } from './searchQuery';
import { snippetOf } from './snippet';
import type { MessageRole, SearchResult } from './types';

export interface SearchOptions {
  limit?: number;
}

/** Candidates read from an index per step, newest first. */
const STEP = 200;
/**
 * Matching messages looked at per search: the newest ones. Reading every match of a common
 * word would read most of the history; in a chat history the recent is what people look for.
 * The scan goes on past it while fewer conversations than asked for are found.
 */
const WINDOW = 200;
/** Candidates read at most, whatever they hold: bounds the work of the worst query. */
const CANDIDATE_BUDGET = 10_000;
/** Characters of text read at most to check candidates the index cannot decide alone. */
const CHECK_BUDGET = 1_000_000;
/** Characters of older messages read at most to complete the counts of the conversations shown. */
const COUNT_BUDGET = 60_000;
/** A conversation's newest matches read to choose its snippet from. */
const SNIPPET_CANDIDATES = 3;
/** A row id above any real one, where a newest-first scan starts. */
const NEWEST = 2n ** 62n;

/** Statements prepared once per connection: preparing costs more than most of a search's steps. */
const statements = new WeakMap<Db, Map<string, Statement>>();

function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql).safeIntegers(true)));
  return statement;
}

/** A conversation found, with what the scan saw of it. */
interface Group {
  conversationId: string;
  title: string;
  updatedAt: number;
  titleMatch: boolean;
  /** Its matching messages the scan saw, newest first. */
  matches: Match[];
}

/** A matching message: in its own text, in its tool calls' text, or both. */
interface Match {
  seq: bigint;
  inText: boolean;
  inTools: boolean;
}

interface Candidate {
  seq: bigint;
  conversationId: string | null;
  title: string;
  updatedAt: bigint;
  deletedAt: bigint | null;
  /** Only read when the index cannot decide alone (see SearchPlan.exact). */
  content?: string;
}

/** A message found by the message index, the tool-call index, or both. */
interface Found {
  text?: Candidate;
  tools?: Candidate;
}

interface MessageRow {
  id: string;
  role: MessageRole;
  content: string;
  createdAt: bigint;
}

/**
 * The next step of candidates older than a row id, newest first, with their conversation.
 * LEFT JOINs keep every candidate, so the scan moves past rows it skips. Row ids are bound as
 * BigInt: bound as a JS number (a REAL), FTS5 silently ignores a rowid constraint, which once
 * gave every result the snippet of another conversation.
 */
function stepSql(fts: string, columns: string, joins: string): string {
  return `SELECT c.rowid AS seq, ${columns}
    FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ${STEP}) AS c ${joins}
    ORDER BY c.rowid DESC`;
}

const TITLES = (fts: string) =>
  stepSql(fts, 'conv.id AS conversationId, conv.title AS title, conv.updated_at AS updatedAt, conv.deleted_at AS deletedAt', 'LEFT JOIN conversations AS conv ON conv.seq = c.rowid');

/** A message's tool calls as one text, as the tool-call index holds it (migration 011). */
const TOOL_TEXT = (messageIdColumn: string) =>
  `(SELECT group_concat(arguments || char(10) || coalesce(result_text, ''), char(10)) FROM tool_calls WHERE message_id = ${messageIdColumn})`;

/**
 * Both indexes are keyed by the message's row id. Columns stored after `content` are not read:
 * for a long message that would walk its overflow pages.
 */
const MESSAGES = (fts: string, text: string | null) =>
  stepSql(
    fts,
    `m.conversation_id AS conversationId, conv.title AS title, conv.updated_at AS updatedAt, conv.deleted_at AS deletedAt${text ? `, ${text} AS content` : ''}`,
    'LEFT JOIN messages AS m ON m.seq = c.rowid LEFT JOIN conversations AS conv ON conv.id = m.conversation_id',
  );

/** Occurrences of each word, counted up to 3: repeating a word beyond that is not more relevant. */
function scoreOf(folded: string, words: readonly string[]): number {
  let score = 0;
  for (const word of words) {
    for (let at = folded.indexOf(word), seen = 0; at !== -1 && seen < 3; at = folded.indexOf(word, at + word.length), seen++) score++;
  }
  return score;
}

class Scan {
  readonly groups = new Map<string, Group>();
  /** Messages from this row id up have been looked at; 0n when all have. */
  boundary = 0n;
  private candidates = 0;
  private checked = 0;

  constructor(
    private readonly db: Db,
    private readonly plan: SearchPlan,
  ) {}

  private group(row: Candidate & { conversationId: string }): Group {
    let group = this.groups.get(row.conversationId);
    if (!group) {
      group = { conversationId: row.conversationId, title: row.title, updatedAt: Number(row.updatedAt), titleMatch: false, matches: [] };
      this.groups.set(row.conversationId, group);
    }
    return group;
  }

  /** Candidates newest first, step by step, until the index has no more or the caller stops. */
  private *candidatesOf(sql: string): Generator<Candidate, void> {
    const statement = prepared(this.db, sql);
    for (let cursor = NEWEST; ; ) {
      const step = statement.all(this.plan.match, cursor) as Candidate[];
      for (const row of step) {
        cursor = row.seq;
        yield row;
      }
      if (step.length < STEP) return;
    }
  }

  /** Messages found in their text or their tool calls, newest first, each once. */
  private *messagesFound(): Generator<Found, void> {
    const texts = this.candidatesOf(MESSAGES(this.plan.messageIndex, this.plan.exact ? null : 'm.content'));
    const tools = this.candidatesOf(MESSAGES(this.plan.toolIndex, this.plan.exact ? null : TOOL_TEXT('m.id')));
    let text = texts.next();
    let tool = tools.next();
    while (!text.done || !tool.done) {
      // The newer head goes first; when both indexes hold the same message, it comes once.
      const textSeq = text.done ? -1n : text.value.seq;
      const toolSeq = tool.done ? -1n : tool.value.seq;
      const found: Found = {};
      if (!text.done && textSeq >= toolSeq) {
        found.text = text.value;
        text = texts.next();
      }
      if (!tool.done && toolSeq >= textSeq) {
        found.tools = tool.value;
        tool = tools.next();
      }
      yield found;
    }
  }

  /** Whether a live row matches: the index decides alone when the plan is exact. */
  private matches(row: Candidate, text: () => string): row is Candidate & { conversationId: string } {
    if (row.conversationId === null || row.deletedAt !== null) return false;
    if (this.plan.exact) return true;
    const checked = text();
    this.checked += checked.length;
    return containsAll(fold(checked), this.plan.words);
  }

  /** Titles that match, newest conversations first; the ones shown first, so `limit` is all that can show. */
  titles(limit: number): void {
    let found = 0;
    for (const row of this.candidatesOf(TITLES(this.plan.titleIndex))) {
      if (!this.matches(row, () => row.title)) continue;
      this.group(row).titleMatch = true;
      if (++found >= limit) return;
    }
  }

  /** Matching messages, newest first, until the window is full and enough conversations are found, or a budget is spent. */
  messages(limit: number): void {
    const scan = this.messagesFound();
    let found = 0;
    let conversations = 0;
    for (let next = scan.next(); ; next = scan.next()) {
      if (next.done) {
        this.boundary = 0n;
        return;
      }
      const { text, tools } = next.value;
      const row = (text ?? tools) as Candidate;
      this.candidates += Number(Boolean(text)) + Number(Boolean(tools));
      const inText = text !== undefined && this.matches(text, () => text.content ?? '');
      const inTools = tools !== undefined && this.matches(tools, () => tools.content ?? '');
      if (inText || inTools) {
        const group = this.group(row as Candidate & { conversationId: string });
        if (group.matches.push({ seq: row.seq, inText, inTools }) === 1) conversations++;
        found++;
      }
      if ((found >= WINDOW && conversations >= limit) || this.candidates >= CANDIDATE_BUDGET || this.checked >= CHECK_BUDGET) {
        this.boundary = row.seq;
        return;
      }
    }
  }
}

/** Conversations named for the words first, then those with more matching messages, then the most recent. */
function byRelevance(a: Group, b: Group): number {
  return Number(b.titleMatch) - Number(a.titleMatch) || b.matches.length - a.matches.length || Number((b.matches[0]?.seq ?? 0n) - (a.matches[0]?.seq ?? 0n)) || b.updatedAt - a.updatedAt;
}

/**
 * Adds to each shown conversation its matches older than the scan's boundary, while the budget
 * lasts; returns the conversations whose count could not be completed.
 */
function countOlderMatches(db: Db, shown: Group[], boundary: bigint, words: readonly string[]): Set<string> {
  const incomplete = new Set<string>();
  if (boundary === 0n) return incomplete;
  const older = prepared(
    db,
    `SELECT seq, content, ${TOOL_TEXT('messages.id')} AS tools FROM messages WHERE conversation_id = ? AND seq < ? AND status <> 'streaming' ORDER BY seq DESC`,
  );
  let budget = COUNT_BUDGET;
  for (const group of shown) {
    for (const { seq, content, tools } of older.iterate(group.conversationId, boundary) as IterableIterator<{ seq: bigint; content: string; tools: string | null }>) {
      const length = content.length + (tools?.length ?? 0);
      if (length > budget) {
        incomplete.add(group.conversationId);
        break;
      }
      budget -= length;
      const inText = containsAll(fold(content), words);
      const inTools = tools !== null && containsAll(fold(tools), words);
      if (inText || inTools) group.matches.push({ seq, inText, inTools });
    }
  }
  return incomplete;
}

/** Where a snippet comes from: a message's text, or the arguments or result of one of its tool calls. */
interface Passage {
  row: MessageRow;
  text: string;
  /** The call's tool, named before the snippet; null for the message's own text. */
  tool: string | null;
}

/** The texts of a match that can give its snippet: its own text first, then its calls' in order. */
function passagesOf(db: Db, match: Match, row: MessageRow): Passage[] {
  const passages: Passage[] = match.inText ? [{ row, text: row.content, tool: null }] : [];
  if (!match.inTools) return passages;
  const calls = prepared(db, 'SELECT tool, arguments, result_text AS result FROM tool_calls WHERE message_id = ? ORDER BY position');
  for (const call of calls.all(row.id) as { tool: string; arguments: string; result: string | null }[]) {
    for (const text of [call.arguments, call.result ?? '']) passages.push({ row, text, tool: call.tool });
  }
  return passages;
}

/**
 * The passage with the most occurrences among the conversation's newest few matching messages:
 * the newest message on ties, its own text before its tool calls.
 */
function bestPassage(db: Db, group: Group, words: readonly string[]): Passage | null {
  const read = prepared(db, 'SELECT id, role, content, created_at AS createdAt FROM messages WHERE seq = ?');
  let best: { passage: Passage; score: number } | null = null;
  for (const match of group.matches.slice(0, SNIPPET_CANDIDATES)) {
    const row = read.get(match.seq) as MessageRow | undefined;
    if (!row) continue;
    for (const passage of passagesOf(db, match, row)) {
      const score = scoreOf(fold(passage.text), words);
      if (!best || score > best.score) best = { passage, score };
    }
  }
  return best?.passage ?? null;
}

/** A passage's snippet; one from a tool call says which tool first. */
function snippetFrom(passage: Passage, words: readonly string[]): SearchResult['snippet'] {
  const snippet = snippetOf(passage.text, words);
  return passage.tool === null ? snippet : [{ text: `${passage.tool}: `, match: false }, ...snippet];
}

/**
 * Full-text search over titles, messages and answers' tool calls (arguments and results) of
 * conversations that are not deleted: one result per conversation, best first, with its best
 * snippet and how many of its messages match, in their text or their tool calls.
 * Never throws on what a user types (see searchQuery.ts); an empty query finds nothing.
 */
export function search(db: Db, input: string, { limit = 50 }: SearchOptions = {}): SearchResult[] {
  const plan = planSearch(input);
  if (!plan) return [];
  const scan = new Scan(db, plan);
  scan.titles(limit);
  scan.messages(limit);
  const shown = [...scan.groups.values()].sort(byRelevance).slice(0, limit);
  const incomplete = countOlderMatches(db, shown, scan.boundary, plan.words);
  // Counts completed: the order shown agrees with the counts shown.
  shown.sort(byRelevance);
  return shown.map((group) => {
    const best = bestPassage(db, group, plan.words);
    return {
      conversationId: group.conversationId,
      messageId: best?.row.id ?? null,
      title: group.title,
      role: best?.row.role ?? null,
      snippet: best ? snippetFrom(best, plan.words) : [],
      matchCount: group.matches.length,
      moreMatches: incomplete.has(group.conversationId),
      date: best ? Number(best.row.createdAt) : group.updatedAt,
    };
  });
}
