import { AppFailure } from '../appFailure';
import { write } from './database';
import type { Conversations } from './conversations';
import { MESSAGE_COLUMNS, outcomeColumns, toMessage } from './rows';
import type { MessageRow } from './rows';
import { storable } from './snippet';
import type { StoreContext } from './storeContext';
import type { AnswerOutcome, MessageRole, MessageStatus, NewMessage, NewUserMessage, StoredMessage } from './types';
import type { Tree } from './tree';
import type { AttachmentRows } from './attachments';
import type { ToolCallRows } from './toolCalls';
import type { ToolCallRecord } from '../../shared/ipc';

const missingMessage = (id: string): AppFailure =>
  new AppFailure({ code: 'invalid-request', message: `The message ${id} is no longer in this conversation.` });

/** The text of an answer so far. */
export interface AnswerText {
  content: string;
  reasoning: string;
}

export interface Messages {
  listFor(conversationId: string): StoredMessage[];
  /** Whether message `id` is on the shown path of the conversation: one row read, not the conversation. */
  isShown(conversationId: string, id: string): boolean;
  /** Message `id` when it is on the shown path (without versions, attachments or tool calls), with the message before it; one row read. */
  findShown(conversationId: string, id: string): ShownMessage | null;
  /** The last message of the shown path (without versions, attachments or tool calls); one row read. */
  lastShown(conversationId: string): StoredMessage | null;
  /** What a request needs of the shown path before message `id`, oldest first; null when `id` is not shown. */
  pathBefore(conversationId: string, id: string): PathRow[] | null;
  addUser(conversationId: string, input: NewUserMessage): StoredMessage;
  startAnswer(conversationId: string, input: NewMessage): StoredMessage;
  /** Opens a new answer as the newest sibling of visible answer `replacedId`, shown in its place; the old one keeps its branch. */
  regenerateAnswer(conversationId: string, replacedId: string, input: NewMessage): StoredMessage;
  /** Adds the edited question as the newest sibling of visible question `id`, shown in its place; the old one keeps its branch. */
  editUser(conversationId: string, id: string, input: NewUserMessage): StoredMessage;
  /** Opens a finished answer again for a continuation: `streaming` again, its text, usage and times kept. */
  reopenAnswer(conversationId: string, id: string): StoredMessage;
  /** Saves an answer's text so far; cheap, not fsynced. */
  flushAnswer(id: string, text: AnswerText): void;
  finishAnswer(id: string, text: AnswerText, outcome: AnswerOutcome): StoredMessage;
  saveToolCall(id: string, text: AnswerText, call: ToolCallRecord): void;
  recoverInterrupted(): number;
  /** Removes a message of a live conversation with the branch after it; false when it was not there. */
  remove(conversationId: string, id: string): boolean;
}

/** A shown message and its parent, which on the shown path is the message before it. */
export type ShownMessage = StoredMessage & { parentId: string | null };

/** The columns of a shown message a chat request is built from (see shared/requestPath.ts). */
export interface PathRow {
  id: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
}

const COLUMNS = MESSAGE_COLUMNS.join(', ');

export function createMessages(
  { db, now, newId }: StoreContext,
  conversations: Conversations,
  tree: Tree,
  attachments: AttachmentRows,
  toolCalls: ToolCallRows,
): Messages {
  const statements = {
    listFor: db.prepare(`SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND position >= 0 ORDER BY position`),
    get: db.prepare(`SELECT ${COLUMNS} FROM messages WHERE id = ?`),
    insert: db.prepare(`
      INSERT INTO messages (id, conversation_id, parent_id, position, chosen_at, role, content, model, params, status, created_at, updated_at)
      VALUES (@id, @conversationId, @parentId, @position, @choice, @role, @content, @model, @params, @status, @at, @at)`),
    flush: db.prepare(`
      UPDATE messages SET content = @content, reasoning = @reasoning, updated_at = @at
      WHERE id = @id AND status = 'streaming'`),
    finish: db.prepare(`
      UPDATE messages SET content = @content, reasoning = @reasoning, status = @status,
        prompt_tokens = @promptTokens, completion_tokens = @completionTokens, total_tokens = @totalTokens,
        first_token_ms = @firstTokenMs, duration_ms = @durationMs, thinking_ms = @thinkingMs, finish_reason = @finishReason,
        error = @error, updated_at = @at
      WHERE id = @id
      RETURNING conversation_id`),
    slot: db.prepare('SELECT parent_id, role, status FROM messages WHERE id = ? AND conversation_id = ? AND position >= 0'),
    shown: db.prepare('SELECT 1 FROM messages WHERE id = ? AND conversation_id = ? AND position >= 0').pluck(),
    findShown: db.prepare(`SELECT ${COLUMNS}, parent_id FROM messages WHERE id = ? AND conversation_id = ? AND position >= 0`),
    lastShown: db.prepare(`SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND position >= 0 ORDER BY position DESC LIMIT 1`),
    shownPosition: db.prepare('SELECT position FROM messages WHERE id = ? AND conversation_id = ? AND position >= 0').pluck(),
    pathBefore: db.prepare('SELECT id, role, content, status FROM messages WHERE conversation_id = ? AND position >= 0 AND position < ? ORDER BY position'),
    nextPosition: db.prepare('SELECT coalesce(max(position) + 1, 0) FROM messages WHERE conversation_id = ? AND position >= 0').pluck(),
    reopen: db.prepare(`UPDATE messages SET status = 'streaming', error = NULL, finish_reason = NULL, updated_at = @at WHERE id = @id`),
    bump: db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?'),
    recover: db.prepare(`UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'`),
  };

  const get = (id: string): StoredMessage => toMessage(statements.get.get(id) as MessageRow);

  /** The message's parent, checked to be a finished visible message of `role` in a live conversation. */
  function slotOf(conversationId: string, id: string, role: MessageRole): { parent_id: string | null } {
    const slot = statements.slot.get(id, conversationId) as { parent_id: string | null; role: MessageRole; status: MessageStatus } | undefined;
    if (!slot || slot.role !== role) throw missingMessage(id);
    if (slot.status === 'streaming') throw new AppFailure({ code: 'invalid-request', message: 'This message is still being written; stop it first.' });
    return slot;
  }

  /**
   * Inserts a message and marks its conversation as just used, in one durable transaction: after
   * the visible path, or, with `input.parentId`, as the newest child of that message (null: a
   * first message), shown with its ancestors.
   */
  function insert(conversationId: string, role: MessageRole, status: MessageStatus, input: NewMessage & Pick<NewUserMessage, 'content' | 'attachments'>): StoredMessage {
    const id = input.id ?? newId();
    write(db, () => {
      const at = now();
      conversations.touch(conversationId, at);
      const branching = input.parentId !== undefined;
      statements.insert.run({
        id,
        conversationId,
        parentId: branching ? input.parentId : tree.lastVisible(conversationId),
        position: branching ? tree.hiddenPosition(conversationId) : statements.nextPosition.get(conversationId),
        choice: tree.nextChoice(conversationId),
        role,
        status,
        content: storable(input.content),
        model: input.model,
        params: JSON.stringify(input.params),
        at,
      });
      if (input.attachments?.length) attachments.add(id, input.attachments);
      if (branching) tree.show(conversationId, id);
    }, 'durable');
    return get(id);
  }

  return {
    listFor: (conversationId) => (statements.listFor.all(conversationId) as MessageRow[]).map(toMessage),
    isShown: (conversationId, id) => statements.shown.get(id, conversationId) !== undefined,
    findShown(conversationId, id) {
      const row = statements.findShown.get(id, conversationId) as (MessageRow & { parent_id: string | null }) | undefined;
      return row ? { ...toMessage(row), parentId: row.parent_id } : null;
    },
    lastShown(conversationId) {
      const row = statements.lastShown.get(conversationId) as MessageRow | undefined;
      return row ? toMessage(row) : null;
    },
    pathBefore(conversationId, id) {
      const position = statements.shownPosition.get(id, conversationId) as number | undefined;
      return position === undefined ? null : (statements.pathBefore.all(conversationId, position) as PathRow[]);
    },

    addUser: (conversationId, input) => insert(conversationId, 'user', 'complete', input),

    startAnswer: (conversationId, input) => insert(conversationId, 'assistant', 'streaming', { ...input, content: '' }),

    regenerateAnswer: (conversationId, replacedId, input) =>
      write(db, () => {
        const { parent_id: parentId } = slotOf(conversationId, replacedId, 'assistant');
        return insert(conversationId, 'assistant', 'streaming', { ...input, content: '', parentId });
      }, 'durable'),

    editUser: (conversationId, id, input) =>
      write(db, () => {
        const { parent_id: parentId } = slotOf(conversationId, id, 'user');
        return insert(conversationId, 'user', 'complete', { ...input, parentId });
      }, 'durable'),

    reopenAnswer(conversationId, id) {
      write(db, () => {
        const at = now();
        conversations.touch(conversationId, at);
        slotOf(conversationId, id, 'assistant');
        statements.reopen.run({ id, at });
      }, 'durable');
      return get(id);
    },

    flushAnswer(id, text) {
      write(db, () => statements.flush.run({ id, ...text, at: now() }));
    },

    finishAnswer(id, text, outcome) {
      write(db, () => {
        const at = now();
        const row = statements.finish.get({
          id,
          ...text,
          status: outcome.status,
          ...outcomeColumns(outcome),
          at,
        }) as { conversation_id: string } | undefined;
        if (!row) throw new Error(`The answer ${id} is not in the history.`);
        // A conversation deleted while its answer streamed stays deleted; only its order changes.
        statements.bump.run(at, row.conversation_id);
      }, 'durable');
      return get(id);
    },

    saveToolCall(id, text, call) {
      write(db, () => {
        statements.flush.run({ id, ...text, at: now() });
        toolCalls.save(id, call);
      }, 'durable');
    },

    recoverInterrupted: () =>
      write(db, () => {
        toolCalls.recoverInterrupted();
        return statements.recover.run(now()).changes;
      }, 'durable'),

    remove: (conversationId, id) =>
      write(db, () => {
        conversations.touch(conversationId, now());
        return tree.removeBranch(conversationId, id);
      }, 'durable'),
  };
}
