import type { Migration } from './migration';

/**
 * Full-text search over titles and message content.
 *
 * Tokenizer: `trigram` rather than `unicode61`. unicode61 splits on spaces and punctuation,
 * so Chinese or Japanese text (no spaces) becomes one token per run of characters and
 * "東京" would not find "東京都の天気"; trigram indexes every 3-character window, so any
 * substring of 3+ characters matches in every script, and "concat" finds "concatenate" as
 * users expect from a search box. `remove_diacritics 1` lets "creme" find "Crème". The cost
 * is a bigger index (measured by `npm run bench`) and no match for 1–2 character words,
 * which search.ts answers with LIKE instead.
 *
 * External content (`content=`): the text lives once, in the tables; the index holds only
 * the postings. Triggers keep it in step. A message is indexed only once it stops
 * streaming: rewriting its postings on every 250 ms flush would cost more than the
 * answer itself, and a half-written answer is not worth finding.
 */
export const search: Migration = {
  version: 2,
  name: 'full-text search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE conversations_fts USING fts5(
        title, content = 'conversations', content_rowid = 'seq', tokenize = 'trigram remove_diacritics 1'
      );
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content, content = 'messages', content_rowid = 'seq', tokenize = 'trigram remove_diacritics 1'
      );

      CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
      END;
      CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
        INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.seq, old.title);
      END;
      CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
        INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.seq, old.title);
        INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
      END;

      -- One trigger per event, so the old postings always go before the new ones arrive.
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.seq, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content)
          SELECT 'delete', old.seq, old.content WHERE old.status <> 'streaming';
        INSERT INTO messages_fts (rowid, content)
          SELECT new.seq, new.content WHERE new.status <> 'streaming';
      END;

      INSERT INTO conversations_fts (rowid, title) SELECT seq, title FROM conversations;
      INSERT INTO messages_fts (rowid, content) SELECT seq, content FROM messages WHERE status <> 'streaming';
    `);
  },
};
