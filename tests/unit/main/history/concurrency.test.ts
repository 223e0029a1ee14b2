import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/history/database';
import { createHistoryStore } from '../../../../main/history/historyStore';
import { openStore } from './support/openStore';
import { checkSearchIndex, conversationInput, ok, useTempDir } from './support/tempHistory';
import { bundleCrashChild, runChild } from './support/writerChild';
import type { WriterChild } from './support/writerChild';

const tempDir = useTempDir();
let child: WriterChild;

beforeAll(async () => {
  child = await bundleCrashChild();
});

describe('concurrent writes', () => {
  it('interleaves many streaming answers and user messages in one process', async () => {
    const { store } = await openStore(tempDir(), Date.now);
    const conversations = Array.from({ length: 20 }, (_, n) => store.createConversation(conversationInput(`chat ${n}`)).id);
    await Promise.all(
      conversations.map(async (id, n) => {
        for (let turn = 0; turn < 3; turn++) {
          store.addUserMessage(id, { content: `question ${n}.${turn}`, model: 'm', params: {} });
          const writer = store.startAnswer(id, { model: 'm', params: {} }, { flushIntervalMs: 3 });
          for (let chunk = 0; chunk < 10; chunk++) {
            writer.append({ content: `${n}.${turn}.${chunk} ` });
            await sleep(Math.random() * 4);
          }
          writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2 });
        }
      }),
    );
    conversations.forEach((id, n) => {
      const messages = store.getConversation(id)?.messages ?? [];
      expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
      expect(messages[5]?.content).toBe(Array.from({ length: 10 }, (_, chunk) => `${n}.2.${chunk} `).join(''));
    });
    store.close();
  });

  it('shares one file between two connections, each seeing the other\'s commits', async () => {
    const { store: first, file } = await openStore(tempDir(), Date.now);
    const second = createHistoryStore(openDatabase(file));
    const a = first.createConversation(conversationInput('from the first'));
    const b = second.createConversation(conversationInput('from the second'));
    second.addUserMessage(a.id, { content: 'written by the second', model: 'm', params: {} });
    first.addUserMessage(b.id, { content: 'written by the first', model: 'm', params: {} });
    for (const store of [first, second]) {
      expect(store.listConversations().map((summary) => summary.messageCount)).toEqual([1, 1]);
      expect(store.search('written by')).toHaveLength(2);
    }
    first.close();
    second.close();
  });

  it('lets several processes write the same file at once without SQLITE_BUSY', async () => {
    const { store, db, file } = await openStore(tempDir(), Date.now);
    const busyHere = (async () => {
      const { id } = store.createConversation(conversationInput('parent'));
      for (let n = 0; n < 40; n++) {
        store.addUserMessage(id, { content: `parent ${n}`, model: 'm', params: {} });
        await sleep(2);
      }
    })();
    const reports = await Promise.all([1, 2, 3].map(() => runChild(child, file, { conversations: 4 })));
    await busyHere;

    for (const report of reports) {
      expect(report.stderr).toBe('');
      expect(report.exitCode).toBe(0);
      expect(report.users).toHaveLength(12);
      expect(report.done).toHaveLength(12);
    }
    const count = db.prepare('SELECT count(*) FROM messages').pluck().get();
    expect(count).toBe(3 * 24 + 40);
    expect(ok(db)).toBe('ok');
    checkSearchIndex(db);
    store.close();
  });
});
