import type { Migration } from './migration';

/**
 * Files sent with a message (images, text files). The bytes live in `<data folder>/attachments`
 * under content-addressed names, never as base64 in a row: rows stay small, so listing, search
 * and backups of the history stay fast. A row goes with its message (ON DELETE CASCADE); files
 * no row names any more are removed at start-up. The `file` index serves that check.
 */
export const messageAttachments: Migration = {
  version: 7,
  name: 'message attachments',
  up(db) {
    db.exec(`
      CREATE TABLE message_attachments (
        message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        file TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'text')),
        mime_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        PRIMARY KEY (message_id, position)
      );
      CREATE INDEX message_attachments_file ON message_attachments (file);
    `);
  },
};
