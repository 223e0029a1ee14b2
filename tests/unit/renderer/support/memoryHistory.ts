/**
 * History kept in memory, behaving like main's store as the renderer sees it: the turn
 * is committed when a chat starts, the answer row gets its result when it ends, deletes
 * are soft, and search answers with snippet segments.
 */
import { AppFailure } from '../../../../main/appFailure';
import type {
  ChatHistory,
  ChatRequest,
  ChatResult,
  ComparedAnswer,
  ConversationSummary,
  SaveComparison,
  SearchHit,
  StoredConversation,
  StoredMessage,
} from '../../../../shared/ipc';

interface Row extends StoredConversation {
  deleted: boolean;
}

export function storedMessage(fields: Partial<StoredMessage> & Pick<StoredMessage, 'role' | 'content'>): StoredMessage {
  return {
    id: crypto.randomUUID(),
    reasoning: '',
    status: 'complete',
    error: null,
    usage: null,
    model: 'org/model',
    finishReason: fields.role === 'assistant' ? 'stop' : null,
    firstTokenMs: null,
    durationMs: null,
    thinkingMs: null,
    createdAt: Date.now(),
    ...fields,
  };
}

const summaryOf = ({ id, title, model, createdAt, updatedAt, pinned }: Row): ConversationSummary => ({ id, title, model, createdAt, updatedAt, pinned });

const firstWords = (text: string) => text.trim().split(/\s+/).slice(0, 6).join(' ');

/** Splits `text` around each case-insensitive occurrence of `query`. */
function segments(text: string, query: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + query.length), match: true });
    from = at + query.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

export class MemoryHistory {
  private readonly rows = new Map<string, Row>();
  /** Hidden branches, by the id of the version they start with: the path from that version on, as last shown. */
  private readonly branches = new Map<string, StoredMessage[]>();
  /** What autoTitle names the next conversation; the fallback (first words) when null. */
  nextTitle: string | null = null;

  /** Puts a conversation in place, as if saved in an earlier session. */
  seed(fields: Partial<StoredConversation> = {}): StoredConversation {
    const now = Date.now();
    const row: Row = { id: crypto.randomUUID(), title: '', model: 'org/model', systemPrompt: '', createdAt: now, updatedAt: now, pinned: false, messages: [], deleted: false, ...fields };
    this.rows.set(row.id, row);
    return this.get(row.id);
  }

  private row(id: string): Row {
    const row = this.rows.get(id);
    if (!row || row.deleted) throw new AppFailure({ code: 'internal', message: 'That conversation no longer exists.' });
    return row;
  }

  list({ offset, limit }: { offset: number; limit: number }) {
    const live = [...this.rows.values()].filter((row) => !row.deleted).sort((a, b) => b.updatedAt - a.updatedAt);
    return { conversations: live.slice(offset, offset + limit).map(summaryOf), total: live.length };
  }

  /** Live conversations' summaries, as main answers a change's ids. */
  summaries(ids: readonly string[]): ConversationSummary[] {
    return ids.flatMap((id) => {
      const row = this.rows.get(id);
      return row && !row.deleted ? [summaryOf(row)] : [];
    });
  }

  get(id: string): StoredConversation {
    const conversation: StoredConversation & { deleted?: boolean } = structuredClone(this.row(id));
    delete conversation.deleted;
    return conversation;
  }

  create({ id, model, systemPrompt, params = {} }: Pick<StoredConversation, 'id' | 'model' | 'systemPrompt' | 'params'>): StoredConversation {
    return this.seed({ id, model, systemPrompt, params });
  }

  update(id: string, patch: Partial<Pick<StoredConversation, 'title' | 'model' | 'systemPrompt' | 'pinned' | 'params'>>): ConversationSummary {
    const row = Object.assign(this.row(id), patch);
    return summaryOf(row);
  }

  delete(id: string) {
    this.row(id).deleted = true;
    return { deleted: true };
  }

  restore(id: string): ConversationSummary {
    const row = this.rows.get(id);
    if (!row) throw new AppFailure({ code: 'internal', message: 'Nothing to restore.' });
    row.deleted = false;
    return summaryOf(row);
  }

  /** One hit per conversation, as main gives: its first matching message, and how many match. */
  search(query: string, limit: number): SearchHit[] {
    const needle = query.trim().toLowerCase();
    const hits: SearchHit[] = [];
    for (const row of this.rows.values()) {
      if (row.deleted) continue;
      const matching = row.messages.filter((message) => message.content.toLowerCase().includes(needle));
      const [best] = matching;
      if (!best && !row.title.toLowerCase().includes(needle)) continue;
      hits.push({
        conversationId: row.id,
        title: row.title,
        messageId: best?.id ?? null,
        role: best?.role ?? null,
        snippet: best ? segments(best.content, needle) : [],
        matchCount: matching.length,
        moreMatches: false,
        date: best?.createdAt ?? row.updatedAt,
      });
    }
    return hits.slice(0, limit);
  }

  autoTitle(id: string): ConversationSummary {
    const row = this.row(id);
    row.title = this.nextTitle ?? firstWords(row.messages[0]?.content ?? '');
    return summaryOf(row);
  }

  /** What main does as a chat with `history` starts: commit the question, open the answer's row. */
  beginTurn(request: ChatRequest & { history: ChatHistory }) {
    const { history } = request;
    // As main does: a first turn creates its conversation, unless it exists by now.
    if (history.newConversation && !this.rows.has(history.conversationId)) {
      this.create({ id: history.conversationId, model: request.model, systemPrompt: request.systemPrompt, params: request.params ?? {} });
    }
    const row = this.row(history.conversationId);
    // As main does: the parameters a turn was sent with become the conversation's.
    row.params = request.params ?? {};
    const now = Date.now();
    const answer = storedMessage({ id: history.answerId, role: 'assistant', content: '', status: 'streaming', model: request.model, finishReason: null, createdAt: now });
    const { turn } = history;
    const question = request.messages.at(-1);
    if (turn.kind === 'continue') {
      // Like main: the answer streams again, its text kept.
      const continued = row.messages.find((message) => message.id === history.answerId);
      if (!continued) throw new Error('a continuation needs its answer');
      Object.assign(continued, { status: 'streaming', error: null, finishReason: null });
      return;
    }
    if (turn.kind === 'new') {
      if (!question) throw new Error('a new turn needs a question');
      row.messages.push(storedMessage({ id: turn.userMessageId, role: 'user', content: question.content, model: request.model, createdAt: now }));
      row.title ||= firstWords(question.content);
    } else if (turn.kind === 'retry') {
      row.messages = row.messages.filter((message) => message.id !== turn.replacesAnswerId);
    }
    // Like main: an edit or a regeneration starts a branch at its message, the new version counted at that point (‹ n/m ›).
    const replacedId = turn.kind === 'edit' ? turn.userMessageId : turn.kind === 'regenerate' ? turn.answerId : null;
    const at = row.messages.findIndex((message) => message.id === replacedId);
    const replaced = row.messages[at];
    const branchOf = (message: StoredMessage): StoredMessage => ({ ...message, siblings: [...(replaced?.siblings ?? [replaced?.id ?? '']), message.id] });
    if (replaced) this.branches.set(replaced.id, row.messages.slice(at));
    if (turn.kind === 'edit') {
      if (!replaced || !question) throw new Error('an edit needs its message and the new text');
      const edited = storedMessage({ id: turn.editedId ?? crypto.randomUUID(), role: 'user', content: question.content, model: request.model, createdAt: now });
      row.messages = [...row.messages.slice(0, at), branchOf(edited), answer];
    } else if (turn.kind === 'regenerate') {
      if (!replaced) throw new Error('a regeneration needs its answer');
      row.messages = [...row.messages.slice(0, at), branchOf(answer)];
    } else row.messages.push(answer);
    Object.assign(row, { model: request.model, systemPrompt: request.systemPrompt, updatedAt: now });
  }

  /** As main forks: the path up to the message under new ids, no earlier versions, the same settings. */
  fork(id: string, messageId: string, forkId: string): ConversationSummary {
    const { messages, title, ...source } = this.get(id);
    const end = messages.findIndex((message) => message.id === messageId);
    if (end === -1) throw new AppFailure({ code: 'invalid-request', message: 'That message is no longer in this conversation.' });
    const path = messages.slice(0, end + 1).map((message) => ({ ...message, id: crypto.randomUUID(), usage: null, versions: undefined }));
    const now = Date.now();
    return summaryOf(this.row(this.seed({ ...source, id: forkId, title: `${title} (fork)`, pinned: false, createdAt: now, updatedAt: now, messages: path }).id));
  }

  /** As main switches: the branch shown from `messageId`'s branch point is kept, and `messageId`'s shown instead. */
  showBranch(conversationId: string, messageId: string): StoredConversation {
    const row = this.row(conversationId);
    if (row.messages.some((message) => message.id === messageId)) return this.get(conversationId);
    const at = row.messages.findIndex((message) => message.siblings?.includes(messageId));
    const current = row.messages[at];
    const branch = this.branches.get(messageId);
    if (!current || !branch?.[0]) throw new AppFailure({ code: 'invalid-request', message: 'This version is no longer in the conversation; reload it.' });
    this.branches.set(current.id, row.messages.slice(at));
    row.messages = [...row.messages.slice(0, at), { ...branch[0], siblings: current.siblings }, ...branch.slice(1)];
    return this.get(conversationId);
  }

  deleteMessage(conversationId: string, messageId: string) {
    const row = this.row(conversationId);
    const before = row.messages.length;
    row.messages = row.messages.filter((message) => message.id !== messageId);
    return { deleted: row.messages.length < before, conversation: this.get(conversationId) };
  }

  /** What main does as the stream ends: the answer's row gets its text and status. */
  endTurn(history: ChatHistory, result: ChatResult) {
    const answer = this.rows.get(history.conversationId)?.messages.find((message) => message.id === history.answerId);
    if (!answer) return;
    Object.assign(answer, {
      content: result.content,
      reasoning: result.reasoning,
      status: result.status,
      error: result.error,
      usage: result.usage,
      finishReason: result.finishReason,
      firstTokenMs: result.firstTokenMs,
      durationMs: result.durationMs,
    });
  }

  /** What main does for Compare's "Use this answer": the question, the chosen answer, the others as its versions. */
  saveComparison({ conversationId, newConversation, systemPrompt, question, chosen, others }: SaveComparison): StoredConversation {
    const now = Date.now();
    if (newConversation && !this.rows.has(conversationId)) this.seed({ id: conversationId });
    const row = this.row(conversationId);
    const asMessage = ({ id, model, content, reasoning, status, error, usage, finishReason, firstTokenMs, durationMs }: ComparedAnswer) =>
      storedMessage({ id, role: 'assistant', model, content, reasoning, status, error, usage, finishReason, firstTokenMs, durationMs, createdAt: now });
    // As main: the others are hidden sibling versions of the chosen answer, each a branch of its own.
    const siblings = [...others, chosen].map(({ id }) => id);
    const answer = others.length === 0 ? asMessage(chosen) : { ...asMessage(chosen), versions: others.map(asMessage), siblings };
    for (const other of others) this.branches.set(other.id, [{ ...asMessage(other), siblings }]);
    const user = storedMessage({ id: question.id, role: 'user', content: question.content, model: chosen.model, createdAt: now });
    Object.assign(row, { model: chosen.model, systemPrompt, title: row.title || firstWords(question.content), updatedAt: now, messages: [...row.messages, user, answer] });
    return this.get(conversationId);
  }
}
