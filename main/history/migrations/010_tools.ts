import type { Migration } from './migration';

/**
 * Tools (MCP): which servers a conversation may use, and every tool call an answer made.
 *
 * `conversations.tool_servers` is a JSON array of server ids, like `params`.
 *
 * `tool_calls` holds one row per call, written when the model asks for it and rewritten at every
 * step (asked, allowed, finished), so a crash keeps each committed step; calls left `running` or
 * `awaiting-approval` are marked `interrupted` at the next start. `message_id` is the answer: a
 * live message, or, after a regeneration, the earlier version it became under the same id. So
 * it has no foreign key; two triggers delete a call when its answer is gone from both tables (a
 * deleted message, a purged conversation), and not when an answer merely moves into
 * `message_versions` (the version row is written before the message row goes).
 *
 * Images a tool returned live in `attachments/` like attached files; `result_images` names them.
 */
export const tools: Migration = {
  version: 10,
  name: 'tools',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN tool_servers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tool_servers));
      CREATE TABLE tool_calls (
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        round INTEGER NOT NULL,
        content_offset INTEGER NOT NULL,
        server_id TEXT,
        server_name TEXT NOT NULL,
        tool TEXT NOT NULL,
        arguments TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('awaiting-approval', 'running', 'complete', 'error', 'denied', 'cancelled', 'not-run', 'interrupted')),
        decision TEXT CHECK (decision IS NULL OR decision IN ('once', 'always', 'remembered', 'deny')),
        result_text TEXT,
        result_images TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(result_images)),
        error TEXT,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER,
        UNIQUE (message_id, position)
      );
      CREATE INDEX tool_calls_open ON tool_calls (status) WHERE status IN ('running', 'awaiting-approval');
      CREATE TRIGGER tool_calls_message_gone AFTER DELETE ON messages
        WHEN NOT EXISTS (SELECT 1 FROM message_versions WHERE id = OLD.id)
        BEGIN DELETE FROM tool_calls WHERE message_id = OLD.id; END;
      CREATE TRIGGER tool_calls_version_gone AFTER DELETE ON message_versions
        WHEN NOT EXISTS (SELECT 1 FROM messages WHERE id = OLD.id)
        BEGIN DELETE FROM tool_calls WHERE message_id = OLD.id; END;
    `);
  },
};
