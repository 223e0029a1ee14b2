import type { Migration } from './migration';

/**
 * The endpoint (base URL) a conversation was held with, so an export can say where its answers
 * came from. Older conversations get '' (unknown): guessing today's setting could be wrong.
 */
export const conversationEndpoint: Migration = {
  version: 4,
  name: 'conversation endpoint',
  up(db) {
    db.exec(`ALTER TABLE conversations ADD COLUMN endpoint TEXT NOT NULL DEFAULT ''`);
  },
};
