import type { Migration } from './migration';

/**
 * Search in tool calls: the text of an answer's calls (arguments and results) in two indexes of
 * its own, shaped like the message ones (002 trigram, 008 short words), keyed by the answer's
 * `messages.seq`: a hit is the answer that holds the calls, scanned newest first beside the
 * messages, and opens the conversation at it.
 *
 * One row per answer, all its calls' text joined by line breaks (a query word never spans one).
 * As for messages, an answer is indexed once it stops streaming: calls are rewritten at every
 * step while it runs, and its row is written once, when it ends. Calls of earlier versions are
 * not indexed (see 005): their answer is not the one the conversation shows.
 *
 * Contentless with `contentless_delete`: the text stays once, in `tool_calls`, and a row leaves
 * by its rowid. `tool_calls_search_refresh` is not a table: inserting an answer's id into it
 * rewrites that answer's row, so what the row holds is said in one place.
 * The literal function name is on purpose: a released migration never changes.
 */
export const searchToolCalls: Migration = {
  version: 11,
  name: 'search in tool calls',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE tool_calls_fts USING fts5(
        text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
      );
      CREATE VIRTUAL TABLE tool_calls_grams USING fts5(
        grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
      );

      CREATE VIEW tool_calls_search_refresh (message_id) AS SELECT NULL WHERE 0;
      CREATE TRIGGER tool_calls_search_refresh_answer INSTEAD OF INSERT ON tool_calls_search_refresh BEGIN
        DELETE FROM tool_calls_fts WHERE rowid = (SELECT seq FROM messages WHERE id = new.message_id);
        DELETE FROM tool_calls_grams WHERE rowid = (SELECT seq FROM messages WHERE id = new.message_id);
        INSERT INTO tool_calls_fts (rowid, text)
          SELECT m.seq, calls.text FROM messages AS m,
            (SELECT group_concat(arguments || char(10) || coalesce(result_text, ''), char(10)) AS text FROM tool_calls WHERE message_id = new.message_id) AS calls
          WHERE m.id = new.message_id AND m.status <> 'streaming' AND calls.text IS NOT NULL;
        INSERT INTO tool_calls_grams (rowid, grams)
          SELECT m.seq, parley_search_grams(calls.text) FROM messages AS m,
            (SELECT group_concat(arguments || char(10) || coalesce(result_text, ''), char(10)) AS text FROM tool_calls WHERE message_id = new.message_id) AS calls
          WHERE m.id = new.message_id AND m.status <> 'streaming' AND calls.text IS NOT NULL;
      END;

      -- A call written while its answer streams waits for the answer's end (below).
      CREATE TRIGGER tool_calls_search_insert AFTER INSERT ON tool_calls BEGIN
        INSERT INTO tool_calls_search_refresh SELECT id FROM messages WHERE id = new.message_id AND status <> 'streaming';
      END;
      CREATE TRIGGER tool_calls_search_update AFTER UPDATE OF message_id, arguments, result_text ON tool_calls BEGIN
        INSERT INTO tool_calls_search_refresh SELECT id FROM messages WHERE id IN (old.message_id, new.message_id) AND status <> 'streaming';
      END;
      CREATE TRIGGER tool_calls_search_delete AFTER DELETE ON tool_calls BEGIN
        INSERT INTO tool_calls_search_refresh SELECT id FROM messages WHERE id = old.message_id AND status <> 'streaming';
      END;

      CREATE TRIGGER messages_tool_calls_search_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
        INSERT INTO tool_calls_search_refresh SELECT new.id WHERE EXISTS (SELECT 1 FROM tool_calls WHERE message_id = new.id);
      END;
      CREATE TRIGGER messages_tool_calls_search_status AFTER UPDATE OF status ON messages
        WHEN (old.status = 'streaming') <> (new.status = 'streaming') BEGIN
        INSERT INTO tool_calls_search_refresh SELECT new.id WHERE EXISTS (SELECT 1 FROM tool_calls WHERE message_id = new.id);
      END;
      CREATE TRIGGER messages_tool_calls_search_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
        DELETE FROM tool_calls_fts WHERE rowid = old.seq;
        DELETE FROM tool_calls_grams WHERE rowid = old.seq;
      END;

      INSERT INTO tool_calls_search_refresh SELECT DISTINCT message_id FROM tool_calls;
    `);
  },
};
