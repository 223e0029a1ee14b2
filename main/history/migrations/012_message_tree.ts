import type { Migration } from './migration';

/**
 * Conversations become trees: editing any question or regenerating any answer starts a branch.
 *
 * Every node stays a row of `messages`, so attachments, tool calls and the search indexes (all
 * keyed on the row) never move. `parent_id` is the message before it on its branch (NULL for a
 * first message); no foreign key, so deleting a long branch is one statement rather than a
 * cascade a thousand triggers deep (tree.ts deletes a node's descendants with it). `chosen_at`
 * orders siblings by when each was last shown: at every branch point the highest is the chosen
 * child, so a hidden branch reopens as it was left.
 *
 * The visible path keeps positions 0..n-1, so every reader of "the conversation as shown" only
 * needs `position >= 0`; a hidden node holds a unique negative position, so
 * UNIQUE (conversation_id, position) still holds without rebuilding the table.
 *
 * `message_versions` (005) becomes hidden siblings of the message they were versions of. An old
 * version does not record which answer followed an edited question, so an old question version
 * gets no children. The table goes, with the tool-call trigger that looked into it.
 */
export const messageTree: Migration = {
  version: 12,
  name: 'message tree',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN parent_id TEXT;
      ALTER TABLE messages ADD COLUMN chosen_at INTEGER NOT NULL DEFAULT 0;
      UPDATE messages SET chosen_at = seq,
        parent_id = (SELECT p.id FROM messages AS p WHERE p.conversation_id = messages.conversation_id AND p.position < messages.position ORDER BY p.position DESC LIMIT 1);
      CREATE INDEX messages_children ON messages (conversation_id, parent_id);
    `);
    const versions = db.prepare(`
      SELECT v.id, m.conversation_id, m.parent_id, v.role, v.content, v.reasoning, v.model, v.params, v.prompt_tokens,
        v.completion_tokens, v.total_tokens, v.first_token_ms, v.duration_ms, v.thinking_ms, v.finish_reason, v.error, v.status,
        v.created_at, v.updated_at
      FROM message_versions AS v JOIN messages AS m ON m.id = v.message_id
      ORDER BY m.seq, v.ordinal`).all() as Record<string, unknown>[];
    const insert = db.prepare(`
      INSERT INTO messages (id, conversation_id, parent_id, position, chosen_at, role, content, reasoning, model, params, prompt_tokens,
        completion_tokens, total_tokens, first_token_ms, duration_ms, thinking_ms, finish_reason, error, status, created_at, updated_at)
      VALUES (@id, @conversation_id, @parent_id,
        (SELECT min(min(position), 0) - 1 FROM messages WHERE conversation_id = @conversation_id), 0,
        @role, @content, @reasoning, @model, @params, @prompt_tokens, @completion_tokens, @total_tokens, @first_token_ms,
        @duration_ms, @thinking_ms, @finish_reason, @error, @status, @created_at, @updated_at)`);
    for (const version of versions) insert.run(version);
    db.exec(`
      DROP TRIGGER tool_calls_message_gone;
      DROP TABLE message_versions;
      CREATE TRIGGER tool_calls_message_gone AFTER DELETE ON messages
        BEGIN DELETE FROM tool_calls WHERE message_id = OLD.id; END;
    `);
  },
};
