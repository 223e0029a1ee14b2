/**
 * Earlier versions of messages (migration 005): kept when an answer is regenerated or a
 * question edited, read back with their conversation, deleted with their message.
 */
import type { Db } from './database';
import { toMessage } from './rows';
import type { MessageRow } from './rows';
import type { StoredMessage } from './types';

export interface Versions {
  /** Each message's earlier versions, oldest first, by the id of the message shown now. */
  listFor(conversationId: string): Map<string, StoredMessage[]>;
  /**
   * Copies message `from` as the newest earlier version of message `to`, under `versionId`,
   * after moving `from`'s own earlier versions to `to`. Call inside a write transaction.
   */
  keep(from: string, to: string, versionId: string): void;
}

/** The version columns that mirror `messages`. */
const COPIED_COLUMNS = [
  'role', 'content', 'reasoning', 'model', 'params', 'prompt_tokens', 'completion_tokens', 'total_tokens',
  'first_token_ms', 'duration_ms', 'thinking_ms', 'finish_reason', 'error', 'status', 'created_at', 'updated_at',
];
const COPIED = COPIED_COLUMNS.join(', ');

export function createVersions(db: Db): Versions {
  const statements = {
    // The join reads the conversation's messages by their (conversation_id, position) index, then each one's versions by theirs.
    listFor: db.prepare(`
      SELECT v.id, v.message_id, m.conversation_id, ${COPIED_COLUMNS.map((column) => `v.${column}`).join(', ')}
      FROM messages AS m JOIN message_versions AS v ON v.message_id = m.id
      WHERE m.conversation_id = ?
      ORDER BY v.message_id, v.ordinal`),
    move: db.prepare('UPDATE message_versions SET message_id = @to WHERE message_id = @from'),
    keep: db.prepare(`
      INSERT INTO message_versions (id, message_id, ordinal, ${COPIED})
      SELECT @versionId, @to, (SELECT coalesce(max(ordinal) + 1, 0) FROM message_versions WHERE message_id = @to), ${COPIED}
      FROM messages WHERE id = @from`),
  };

  return {
    listFor(conversationId) {
      const byMessage = new Map<string, StoredMessage[]>();
      for (const row of statements.listFor.all(conversationId) as (MessageRow & { message_id: string })[]) {
        const versions = byMessage.get(row.message_id) ?? [];
        versions.push(toMessage(row));
        byMessage.set(row.message_id, versions);
      }
      return byMessage;
    },

    keep(from, to, versionId) {
      if (from !== to) statements.move.run({ from, to });
      if (statements.keep.run({ from, to, versionId }).changes === 0) throw new Error(`The message ${from} is not in the history.`);
    },
  };
}
