/**
 * The other versions at each visible message's branch point: its hidden siblings in the tree
 * (migration 012), in the order they were stored, without the branches after them. An export carries them with
 * the message, as it carried earlier versions before the tree.
 */
import type { Db } from './database';
import { MESSAGE_COLUMNS, toMessage } from './rows';
import type { MessageRow } from './rows';
import type { StoredMessage } from './types';

export interface Versions {
  /** Each visible message's hidden siblings, oldest first, by the id of the visible message. */
  listFor(conversationId: string): Map<string, StoredMessage[]>;
}

export function createVersions(db: Db): Versions {
  // `IS` matches first messages too (parent NULL); the (conversation_id, parent_id) index serves both sides.
  const listFor = db.prepare(`
    SELECT m.id AS message_id, ${MESSAGE_COLUMNS.map((column) => `h.${column}`).join(', ')}
    FROM messages AS m JOIN messages AS h ON h.conversation_id = m.conversation_id AND h.parent_id IS m.parent_id AND h.position < 0
    WHERE m.conversation_id = ? AND m.position >= 0
    ORDER BY m.position, h.seq`);

  return {
    listFor(conversationId) {
      const byMessage = new Map<string, StoredMessage[]>();
      for (const row of listFor.all(conversationId) as (MessageRow & { message_id: string })[]) {
        const versions = byMessage.get(row.message_id) ?? [];
        versions.push(toMessage(row));
        byMessage.set(row.message_id, versions);
      }
      return byMessage;
    },
  };
}
