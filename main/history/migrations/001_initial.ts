import type { Migration } from './migration';

/**
 * Conversations and messages. Each table has an INTEGER PRIMARY KEY `seq` besides its uuid:
 * the FTS index (002) points at rows by rowid, and only an explicit INTEGER PRIMARY KEY
 * keeps rowids stable across VACUUM.
 */
export const initial: Migration = {
  version: 1,
  name: 'conversations and messages',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        system_prompt TEXT NOT NULL DEFAULT '',
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        deleted_at INTEGER
      );

      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        -- Usage as columns, so token totals per model or per month are plain SQL later.
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
        -- Also the index that reads a conversation in order and counts its messages.
        UNIQUE (conversation_id, position)
      );
    `);
  },
};
