import { containsAll, fold } from '../../shared/searchText';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { planSearch } from './searchQuery';
import type { SearchPlan } from './searchQuery';
import { snippetOf } from './snippet';
import type { MessageRole, SearchResult } from './types';

export interface SearchOptions {
  limit?: number;
  /** Filled with what the search read (added to): for the tests and the bench, which count work rather than time it. */
  work?: SearchWork;
}

/** What a search read; its time, warm or cold, follows these. */
export interface SearchWork {
  /** Rows read from the search indexes, each with its message and conversation: a page read each when cold, at worst. */
  candidates: number;
  /** Entries of the indexes read to complete the counts of the conversations shown. */
  counted: number;
  /** Texts read in full (a message's, or an answer's tool calls'): to check a match the index cannot decide, or to cut a snippet. */
  texts: number;
}

export const noWork = (): SearchWork => ({ candidates: 0, counted: 0, texts: 0 });

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
/**
 * Entries read at most to complete the counts of the conversations shown: of their index, for
 * their older messages (small entries, read together), and of the search indexes.
 */
const OLDER_BUDGET = 4_000;
const COUNT_BUDGET = 2_000;
/**
 * Spans of row ids looked up to complete counts, the newest first, at most SPAN_TERMS divided by
 * the query's index terms: each lookup seeks every term in every segment of both search indexes,
 * which costs more than the few matches it finds (a millisecond for `function`, 6 terms, at 1M).
 * Conversations share a span when they overlap (chats written side by side) or, for a query of
 * one index term, when the messages between them would add about GAP_HITS hits, at the density
 * of matches the scan met: a rare word's conversations far apart (every CJK chat for `東`), a
 * common word's only side by side. A query of several terms decodes each one's postings across a
 * gap, most of them common pieces: no gap for it.
 */
const SPAN_TERMS = 12;
const GAP_HITS = 64;
/** Characters of older messages read at most to complete those counts when the index cannot decide alone. */
const COUNT_TEXT_BUDGET = 60_000;
/** A conversation's newest matches read to choose its snippet from. */
const SNIPPET_CANDIDATES = 3;

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

/** What a search shows of a conversation, and whether it is in the trash. */
interface ConversationRow {
  title: string;
  updatedAt: bigint;
  deletedAt: bigint | null;
}

interface Candidate {
  seq: bigint;
  /** Null when the row the index holds is gone. */
  conversationId: string | null;
  /** Only read when the index cannot decide alone (see SearchPlan.exact). */
  content?: string;
}

type TitleCandidate = Candidate & ConversationRow;

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
 * An index's candidates newest first, with their conversation, stepped one at a time as the scan
 * asks: FTS5 walks its postings newest first itself, so a candidate the scan does not reach is
 * never read nor joined (a page read each when cold), and the postings are looked up once, not
 * once per batch. LEFT JOINs keep every candidate, so the scan sees, and skips, a gone row.
 */
function candidatesSql(fts: string, columns: string, joins: string): string {
  return `SELECT c.rowid AS seq, ${columns} FROM ${fts} AS c ${joins} WHERE c.${fts} MATCH ? ORDER BY c.rowid DESC`;
}

const CONVERSATION_COLUMNS = 'conv.title AS title, conv.updated_at AS updatedAt, conv.deleted_at AS deletedAt';

const TITLES = (fts: string) => candidatesSql(fts, `conv.id AS conversationId, ${CONVERSATION_COLUMNS}`, 'LEFT JOIN conversations AS conv ON conv.seq = c.rowid');

/** A message's tool calls as one text, as the tool-call index holds it (migration 011). */
const TOOL_TEXT = (messageIdColumn: string) =>
  `(SELECT group_concat(arguments || char(10) || coalesce(result_text, ''), char(10)) FROM tool_calls WHERE message_id = ${messageIdColumn})`;

/**
 * Both indexes are keyed by the message's row id. Columns stored after `content` are not read:
 * for a long message that would walk its overflow pages. The conversation is read apart, once
 * per conversation (Scan.conversation), not once per message through its random id's index.
 */
const MESSAGES = (fts: string, text: string | null) =>
  candidatesSql(fts, `m.conversation_id AS conversationId${text ? `, ${text} AS content` : ''}`, 'LEFT JOIN messages AS m ON m.seq = c.rowid');

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
  /** Conversations read so far (undefined: gone), each once per search. */
  private readonly conversations = new Map<string, ConversationRow | undefined>();
  /** Messages from this row id up have been looked at; 0n when all have. */
  boundary = 0n;
  /** Row ids per candidate the scan met, newest to boundary: how far apart matches lie. */
  spacing = 1;
  private candidates = 0;
  private checked = 0;

  constructor(
    private readonly db: Db,
    private readonly plan: SearchPlan,
    private readonly work: SearchWork,
  ) {}

  private conversation(id: string): ConversationRow | undefined {
    if (!this.conversations.has(id)) this.conversations.set(id, prepared(this.db, `SELECT ${CONVERSATION_COLUMNS} FROM conversations AS conv WHERE id = ?`).get(id) as ConversationRow | undefined);
    return this.conversations.get(id);
  }

  /** The group of a live candidate (see matches), made on its first match. */
  private group(row: Candidate & { conversationId: string }): Group {
    let group = this.groups.get(row.conversationId);
    if (!group) {
      const { title = '', updatedAt = 0n } = this.conversation(row.conversationId) ?? {};
      group = { conversationId: row.conversationId, title, updatedAt: Number(updatedAt), titleMatch: false, matches: [] };
      this.groups.set(row.conversationId, group);
    }
    return group;
  }

  /**
   * Candidates newest first, until the index has no more or the caller stops. A caller that stops
   * early must close the generator (`return()`, or leaving a for-of), which resets the statement.
   */
  private *candidatesOf<T extends Candidate>(sql: string): Generator<T, void> {
    for (const row of prepared(this.db, sql).iterate(this.plan.match) as IterableIterator<T>) {
      this.work.candidates++;
      yield row;
    }
  }

  /** Messages found in their text or their tool calls, newest first, each once. */
  private *messagesFound(): Generator<Found, void> {
    const texts = this.candidatesOf(MESSAGES(this.plan.messageIndex, this.plan.exact ? null : 'm.content'));
    const tools = this.candidatesOf(MESSAGES(this.plan.toolIndex, this.plan.exact ? null : TOOL_TEXT('m.id')));
    try {
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
    } finally {
      // A scan that stops early leaves both statements open: closing them resets them for the next search.
      texts.return();
      tools.return();
    }
  }

  /** Whether a live row matches: the index decides alone when the plan is exact. */
  private matches(row: Candidate, text: () => string): row is Candidate & { conversationId: string } {
    if (row.conversationId === null) return false;
    const conversation = this.conversation(row.conversationId);
    if (conversation === undefined || conversation.deletedAt !== null) return false;
    if (this.plan.exact) return true;
    const checked = text();
    this.work.texts++;
    this.checked += checked.length;
    return containsAll(fold(checked), this.plan.words);
  }

  /** Titles that match, newest conversations first; the ones shown first, so `limit` is all that can show. */
  titles(limit: number): void {
    let found = 0;
    for (const row of this.candidatesOf<TitleCandidate>(TITLES(this.plan.titleIndex))) {
      // The candidate holds its conversation's row: its messages need not read it again.
      if (row.conversationId !== null) this.conversations.set(row.conversationId, row);
      if (!this.matches(row, () => row.title)) continue;
      this.group(row).titleMatch = true;
      if (++found >= limit) return;
    }
  }

  /** Matching messages, newest first, until the window is full and enough conversations are found, or a budget is spent. */
  messages(limit: number): void {
    let found = 0;
    let conversations = 0;
    let newest: bigint | null = null;
    for (const { text, tools } of this.messagesFound()) {
      const row = (text ?? tools) as Candidate;
      newest ??= row.seq;
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
        this.spacing = Number(newest - row.seq + 1n) / this.candidates;
        return;
      }
    }
  }
}

/** Conversations named for the words first, then those with more matching messages, then the most recent. */
function byRelevance(a: Group, b: Group): number {
  return Number(b.titleMatch) - Number(a.titleMatch) || b.matches.length - a.matches.length || Number((b.matches[0]?.seq ?? 0n) - (a.matches[0]?.seq ?? 0n)) || b.updatedAt - a.updatedAt;
}

/** A shown conversation's messages older than the scan's boundary, as far as the budget read them. */
interface Older {
  group: Group;
  seqs: bigint[];
  low: bigint;
  high: bigint;
  found: Map<bigint, Match>;
  complete: boolean;
}

/**
 * Adds to each shown conversation its matches older than the scan's boundary, while the budgets
 * last; returns the conversations whose count could not be completed. The matches come from the
 * indexes, not from reading the messages: the conversations' older messages from the index on
 * (conversation_id, position), then each span of row ids they cover looked up once in the search
 * indexes, its hits kept where they are one of those messages. Text is read for the hits of a plan
 * that is not exact, and past the spans' budget, for the older messages themselves.
 */
function countOlderMatches(db: Db, plan: SearchPlan, shown: Group[], { boundary, spacing }: Scan, work: SearchWork): Set<string> {
  const incomplete = new Set<string>();
  if (boundary === 0n) return incomplete;
  const gap = plan.terms === 1 ? BigInt(Math.ceil(GAP_HITS * spacing)) : 0n;
  const olderOf = prepared(db, 'SELECT seq FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY position DESC LIMIT ?').pluck();
  let olderEntries = OLDER_BUDGET;
  const owners = new Map<bigint, Older>();
  const olders: Older[] = [];
  for (const group of shown) {
    const seqs = olderOf.all(group.conversationId, boundary, Math.max(olderEntries, 0) + 1) as bigint[];
    if (seqs.length === 0) continue;
    // Past the budget, the matches among what was read still count: the count shown is a lower bound.
    const complete = seqs.length <= olderEntries;
    if (!complete) seqs.length = Math.max(olderEntries, 0);
    olderEntries -= seqs.length;
    work.counted += seqs.length;
    const [first = 0n] = seqs;
    const older: Older = { group, seqs, low: first, high: first, found: new Map(), complete };
    for (const seq of seqs) {
      owners.set(seq, older);
      if (seq < older.low) older.low = seq;
      if (seq > older.high) older.high = seq;
    }
    olders.push(older);
  }

  // Oldest first within a span: FTS5 seeks to its start cheaply, while newest first it parses whole pages to walk them back.
  const inSpan = (fts: string) => prepared(db, `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? AND rowid >= ? AND rowid <= ? LIMIT ?`).pluck();
  const indexes = [
    // A streaming message is not in the indexes, and its text is not counted either.
    { hits: inSpan(plan.messageIndex), text: prepared(db, "SELECT content FROM messages WHERE seq = ? AND status <> 'streaming'").pluck(), inText: true },
    { hits: inSpan(plan.toolIndex), text: prepared(db, `SELECT ${TOOL_TEXT('messages.id')} FROM messages WHERE seq = ? AND status <> 'streaming'`).pluck(), inText: false },
  ];
  let entries = COUNT_BUDGET;
  let chars = COUNT_TEXT_BUDGET;
  /** Whether a message's text (or its calls') holds the words, while the text budget lasts. */
  const confirms = (owner: Older, seq: bigint, text: Statement): boolean => {
    if (chars < 0) {
      owner.complete = false;
      return false;
    }
    const checked = (text.get(seq) as string | null) ?? '';
    work.texts++;
    chars -= checked.length;
    return containsAll(fold(checked), plan.words);
  };
  const add = (owner: Older, seq: bigint, inText: boolean): void => {
    const match = owner.found.get(seq) ?? { seq, inText: false, inTools: false };
    if (inText) match.inText = true;
    else match.inTools = true;
    owner.found.set(seq, match);
  };
  let spans = Math.max(1, Math.floor(SPAN_TERMS / plan.terms));
  olders.sort((a, b) => (b.high > a.high ? 1 : b.high < a.high ? -1 : 0));
  for (let next = 0; next < olders.length; ) {
    const members = [olders[next++] as Older];
    let low = members[0]?.low ?? 0n;
    const high = members[0]?.high ?? 0n;
    for (let other = olders[next]; other && other.high + gap >= low; other = olders[++next]) {
      members.push(other);
      if (other.low < low) low = other.low;
    }
    if (spans-- <= 0) {
      // Past the spans' budget, the text of each older message, as long as the text budget lasts.
      for (const member of members) {
        for (const seq of member.seqs) for (const index of indexes) if (confirms(member, seq, index.text)) add(member, seq, index.inText);
      }
      continue;
    }
    for (const index of indexes) {
      const hits = index.hits.all(plan.match, low, high, Math.max(entries, 0) + 1) as bigint[];
      if (hits.length > entries) for (const member of members) member.complete = false;
      entries -= hits.length;
      work.counted += hits.length;
      for (const seq of hits) {
        const owner = owners.get(seq);
        if (owner && (plan.exact || confirms(owner, seq, index.text))) add(owner, seq, index.inText);
      }
    }
  }
  for (const { group, found, complete } of olders) {
    group.matches.push(...[...found.values()].sort((a, b) => (b.seq > a.seq ? 1 : -1)));
    if (!complete) incomplete.add(group.conversationId);
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
function bestPassage(db: Db, group: Group, words: readonly string[], work: SearchWork): Passage | null {
  const read = prepared(db, 'SELECT id, role, content, created_at AS createdAt FROM messages WHERE seq = ?');
  let best: { passage: Passage; score: number } | null = null;
  for (const match of group.matches.slice(0, SNIPPET_CANDIDATES)) {
    const row = read.get(match.seq) as MessageRow | undefined;
    if (!row) continue;
    work.texts++;
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
export function search(db: Db, input: string, { limit = 50, work = noWork() }: SearchOptions = {}): SearchResult[] {
  const plan = planSearch(input);
  if (!plan) return [];
  const scan = new Scan(db, plan, work);
  scan.titles(limit);
  scan.messages(limit);
  const shown = [...scan.groups.values()].sort(byRelevance).slice(0, limit);
  const incomplete = countOlderMatches(db, plan, shown, scan, work);
  // Counts completed: the order shown agrees with the counts shown.
  shown.sort(byRelevance);
  return shown.map((group) => {
    const best = bestPassage(db, group, plan.words, work);
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
