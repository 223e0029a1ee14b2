import type { Migration } from './migration';

/**
 * An index for words of one or two characters: a CJK word (東, 東京), an emoji, `c#`, `%`.
 * The trigram index (002) cannot match fewer than three characters, so such a query used to read
 * every message; at a million messages that took most of a second, with the main process blocked.
 *
 * Each text is indexed as its distinct folded 1- and 2-character pieces (`parley_search_grams`,
 * main/history/searchGrams.ts, registered on every connection by openDatabase), so a short word
 * is one lookup. `detail=none`: a piece needs no positions, only which rows hold it, which keeps
 * the index small. Contentless with `contentless_delete`: the text stays once, in its table, and
 * a row leaves the index by its rowid alone.
 *
 * As for the trigram index, a message is indexed once it stops streaming, titles always.
 * The literal function name is on purpose: a released migration never changes.
 */
export const searchShortWords: Migration = {
  version: 8,
  name: 'search index for short words',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE conversations_grams USING fts5(
        grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
      );
      CREATE VIRTUAL TABLE messages_grams USING fts5(
        grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
      );

      CREATE TRIGGER conversations_grams_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO conversations_grams (rowid, grams) VALUES (new.seq, parley_search_grams(new.title));
      END;
      CREATE TRIGGER conversations_grams_delete AFTER DELETE ON conversations BEGIN
        DELETE FROM conversations_grams WHERE rowid = old.seq;
      END;
      CREATE TRIGGER conversations_grams_update AFTER UPDATE OF title ON conversations BEGIN
        DELETE FROM conversations_grams WHERE rowid = old.seq;
        INSERT INTO conversations_grams (rowid, grams) VALUES (new.seq, parley_search_grams(new.title));
      END;

      CREATE TRIGGER messages_grams_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
        INSERT INTO messages_grams (rowid, grams) VALUES (new.seq, parley_search_grams(new.content));
      END;
      CREATE TRIGGER messages_grams_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
        DELETE FROM messages_grams WHERE rowid = old.seq;
      END;
      CREATE TRIGGER messages_grams_update AFTER UPDATE OF content, status ON messages BEGIN
        DELETE FROM messages_grams WHERE rowid = old.seq AND old.status <> 'streaming';
        INSERT INTO messages_grams (rowid, grams)
          SELECT new.seq, parley_search_grams(new.content) WHERE new.status <> 'streaming';
      END;

      INSERT INTO conversations_grams (rowid, grams) SELECT seq, parley_search_grams(title) FROM conversations;
      INSERT INTO messages_grams (rowid, grams) SELECT seq, parley_search_grams(content) FROM messages WHERE status <> 'streaming';
    `);
  },
};
