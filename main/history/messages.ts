import { write } from './database';
import type { Conversations } from './conversations';
import { outcomeColumns, toMessage } from './rows';
import type { MessageRow } from './rows';
import { storable } from './snippet';
import type { StoreContext } from './storeContext';
import type { AnswerOutcome, MessageRole, MessageStatus, NewMessage, NewUserMessage, StoredMessage } from './types';

/** The text of an answer so far. */
export interface AnswerText {
  content: string;
  reasoning: string;
}

export interface Messages {
  listFor(conversationId: string): StoredMessage[];
  addUser(conversationId: string, input: NewUserMessage): StoredMessage;
  startAnswer(conversationId: string, input: NewMessage): StoredMessage;
  /** Saves an answer's text so far; cheap, not fsynced. */
  flushAnswer(id: string, text: AnswerText): void;
  finishAnswer(id: string, text: AnswerText, outcome: AnswerOutcome): StoredMessage;
  recoverInterrupted(): number;
  /** Removes one message of a live conversation (a failed answer being retried). */
  remove(conversationId: string, id: string): void;
}

const COLUMNS = `id, conversation_id, role, content, reasoning, model, params, prompt_tokens, completion_tokens,
  total_tokens, first_token_ms, duration_ms, finish_reason, error, status, created_at, updated_at`;

export function createMessages({ db, now, newId }: StoreContext, conversations: Conversations): Messages {
  const statements = {
    listFor: db.prepare(`SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY position`),
    get: db.prepare(`SELECT ${COLUMNS} FROM messages WHERE id = ?`),
    insert: db.prepare(`
      INSERT INTO messages (id, conversation_id, position, role, content, model, params, status, created_at, updated_at)
      VALUES (@id, @conversationId,
        (SELECT coalesce(max(position) + 1, 0) FROM messages WHERE conversation_id = @conversationId),
        @role, @content, @model, @params, @status, @at, @at)`),
    flush: db.prepare(`
      UPDATE messages SET content = @content, reasoning = @reasoning, updated_at = @at
      WHERE id = @id AND status = 'streaming'`),
    finish: db.prepare(`
      UPDATE messages SET content = @content, reasoning = @reasoning, status = @status,
        prompt_tokens = @promptTokens, completion_tokens = @completionTokens, total_tokens = @totalTokens,
        first_token_ms = @firstTokenMs, duration_ms = @durationMs, finish_reason = @finishReason,
        error = @error, updated_at = @at
      WHERE id = @id
      RETURNING conversation_id`),
    bump: db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?'),
    recover: db.prepare(`UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'`),
    remove: db.prepare('DELETE FROM messages WHERE id = ? AND conversation_id = ?'),
  };

  const get = (id: string): StoredMessage => toMessage(statements.get.get(id) as MessageRow);

  /** Inserts a message and marks its conversation as just used, in one durable transaction. */
  function insert(conversationId: string, role: MessageRole, status: MessageStatus, input: NewMessage & { content: string }): StoredMessage {
    const id = input.id ?? newId();
    write(db, () => {
      const at = now();
      conversations.touch(conversationId, at);
      statements.insert.run({
        id,
        conversationId,
        role,
        status,
        content: storable(input.content),
        model: input.model,
        params: JSON.stringify(input.params),
        at,
      });
    }, 'durable');
    return get(id);
  }

  return {
    listFor: (conversationId) => (statements.listFor.all(conversationId) as MessageRow[]).map(toMessage),

    addUser: (conversationId, input) => insert(conversationId, 'user', 'complete', input),

    startAnswer: (conversationId, input) => insert(conversationId, 'assistant', 'streaming', { ...input, content: '' }),

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

    recoverInterrupted: () => write(db, () => statements.recover.run(now()).changes, 'durable'),

    remove(conversationId, id) {
      write(db, () => {
        conversations.touch(conversationId, now());
        statements.remove.run(id, conversationId);
      }, 'durable');
    },
  };
}
