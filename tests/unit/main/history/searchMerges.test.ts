import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/history/database';
import { createHistoryStore } from '../../../../main/history/historyStore';
import { migrate } from '../../../../main/history/migrate';
import { createSearchMerges } from '../../../../main/history/searchMerges';
import { conversationInput, ok, useTempDir } from './support/tempHistory';

const tempDir = useTempDir();

async function history() {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'history.sqlite'));
  await migrate(db, { backupDir: join(dir, 'backups'), now: Date.now });
  return { db, store: createHistoryStore(db) };
}

/** How many segments each search table's index is stored in now. */
const segments = (db: Db, table: string) => db.prepare(`SELECT count(DISTINCT segid) FROM ${table}_idx`).pluck().get() as number;

const TURNS = 40;
const WORDS = ['median', 'greenhouse', 'quetzal', 'lisbon', 'pandas', 'regex', 'attention', 'postgres'];

describe('search index merges', () => {
  it('a commit never merges the index (each only adds its segment); once no chat is under way the segments are merged, and every search finds the same', async () => {
    const { db, store } = await history();
    const conversation = store.createConversation(conversationInput('Merges'));
    const release = store.holdSearchMerges();
    const before = segments(db, 'messages_fts');
    for (let turn = 0; turn < TURNS; turn++) {
      store.atomically(() => store.addUserMessage(conversation.id, { content: `Question ${turn} about the ${WORDS[turn % WORDS.length]} and 漢字 ${turn}`, model: 'm', params: {} }), 'relaxed');
    }
    // FTS5's own merging (four segments a level, at most 16) would have left a handful; none was merged inside a write.
    expect(segments(db, 'messages_fts')).toBe(before + TURNS);
    const found = () => [...WORDS, '漢字', 'question 7'].map((word) => store.search(word).map((result) => result.messageId ?? result.conversationId));
    const foundBefore = found();
    expect(foundBefore.every((ids) => ids.length > 0)).toBe(true);

    // The store's own merges wait for QUIET_MS after the last chat; these start at once.
    const merges = createSearchMerges(db, 0);
    release();
    await expect.poll(() => segments(db, 'messages_fts'), { timeout: 10_000 }).toBeLessThan(10);
    expect(segments(db, 'messages_grams')).toBeLessThan(10);
    expect(found()).toEqual(foundBefore);
    expect(ok(db)).toBe('ok');
    merges.stop();
    store.close();
  });

  it('while a chat holds them, no merge step runs', async () => {
    const { db, store } = await history();
    const conversation = store.createConversation(conversationInput('Held'));
    for (let turn = 0; turn < 8; turn++) store.addUserMessage(conversation.id, { content: `Question ${turn}`, model: 'm', params: {} });
    const merges = createSearchMerges(db, 0);
    const release = merges.hold();
    const held = segments(db, 'messages_fts');
    // The merges' first step was timed first, at 0 ms: it runs before this one, had the hold not stopped it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(segments(db, 'messages_fts')).toBe(held);
    release();
    await expect.poll(() => segments(db, 'messages_fts'), { timeout: 10_000 }).toBeLessThan(held);
    merges.stop();
    store.close();
  });
});
