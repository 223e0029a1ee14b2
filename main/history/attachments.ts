/**
 * The references from messages to their attachment files (migration 006). Written in the
 * transaction that writes the message; read back with its conversation.
 */
import type { Attachment } from '../../shared/ipc';
import type { Db } from './database';

export interface AttachmentRows {
  /** Each message's attachments, in the order they were sent, by message id. */
  listFor(conversationId: string): Map<string, Attachment[]>;
  /** Call inside a write transaction. */
  add(messageId: string, attachments: readonly Attachment[]): void;
  /** Every file some message (of a live or a deleted-but-undoable conversation) refers to. */
  referencedFiles(): Set<string>;
}

interface AttachmentRow {
  message_id: string;
  file: string;
  name: string;
  kind: Attachment['kind'];
  mime_type: string;
  bytes: number;
}

export function createAttachmentRows(db: Db): AttachmentRows {
  const statements = {
    listFor: db.prepare(`
      SELECT a.message_id, a.file, a.name, a.kind, a.mime_type, a.bytes
      FROM messages AS m JOIN message_attachments AS a ON a.message_id = m.id
      WHERE m.conversation_id = ?
      ORDER BY a.message_id, a.position`),
    insert: db.prepare(`
      INSERT INTO message_attachments (message_id, position, file, name, kind, mime_type, bytes)
      VALUES (@messageId, @position, @file, @name, @kind, @mimeType, @bytes)`),
    files: db.prepare('SELECT DISTINCT file FROM message_attachments').pluck(),
  };

  return {
    listFor(conversationId) {
      const byMessage = new Map<string, Attachment[]>();
      for (const row of statements.listFor.all(conversationId) as AttachmentRow[]) {
        const list = byMessage.get(row.message_id) ?? [];
        list.push({ file: row.file, name: row.name, kind: row.kind, mimeType: row.mime_type, bytes: row.bytes });
        byMessage.set(row.message_id, list);
      }
      return byMessage;
    },
    add(messageId, attachments) {
      attachments.forEach(({ file, name, kind, mimeType, bytes }, position) =>
        statements.insert.run({ messageId, position, file, name, kind, mimeType, bytes }),
      );
    },
    referencedFiles: () => new Set(statements.files.all() as string[]),
  };
}
