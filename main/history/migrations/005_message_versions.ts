import type { Migration } from './migration';

/**
 * Earlier versions of a message: answers a regeneration replaced, questions an edit rewrote.
 *
 * A table of their own rather than a `superseded_by` flag on `messages`: every query that
 * reads a conversation, counts its messages, orders them by position or indexes them for
 * search keeps meaning "what the conversation shows" without a filter it could forget, and
 * the slot's position stays unique. A version has the full columns of the message it was,
 * its own id (an answer keeps the id it had), and an ordinal, oldest first. It belongs to the
 * message shown now (`message_id`) and goes when that message is deleted.
 *
 * Search: earlier versions are not indexed. A hit must lead to text the conversation shows;
 * a match in a version browsed behind `‹ 1/2 ›` would point at a message whose text does not
 * contain it.
 */
export const messageVersions: Migration = {
  version: 5,
  name: 'message versions',
  up(db) {
    db.exec(`
      CREATE TABLE message_versions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        total_tokens INTEGER,
        first_token_ms INTEGER,
        duration_ms INTEGER,
        finish_reason TEXT,
        error TEXT CHECK (error IS NULL OR json_valid(error)),
        status TEXT NOT NULL CHECK (status IN ('complete', 'streaming', 'interrupted', 'error', 'stopped')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- Also the index that reads a message's versions in order (and the cascade's lookup).
        UNIQUE (message_id, ordinal)
      );
    `);
  },
};
