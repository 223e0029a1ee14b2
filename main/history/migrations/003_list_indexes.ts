import type { Migration } from './migration';

/** Indexes for the sidebar's first page, the start-up purge and the start-up recovery. */
export const listIndexes: Migration = {
  version: 3,
  name: 'indexes for listing, purging and recovery',
  up(db) {
    db.exec(`
      CREATE INDEX conversations_recent ON conversations (pinned DESC, updated_at DESC, seq DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX conversations_deleted ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';
    `);
  },
};
