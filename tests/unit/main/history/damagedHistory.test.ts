/**
 * A damaged page deep in a large history (bytes overwritten on disk, as a failing disk or a
 * crash of the file system leaves them): opening an affected conversation says plainly that the
 * history is damaged, a notice offers to back up what can be read and to restore a backup, and
 * Back up saves every readable conversation and names the others. Web mode for real.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../../../shared/ipc/client';
import type { Backup } from '../../../../main/export/backup';
import { openDatabase } from '../../../../main/history/database';
import { historyPath } from '../../../../main/history/historyFiles';
import { openHistory } from '../../../../main/history/openHistory';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { webModeApi } from '../export/webModeApi';
import { sampleConversation, sampleMessage } from '../export/sample';

const CONVERSATIONS = 3_000;

let harness: WebModeHarness;
let api: ParleyApi;
/** Conversations whose messages SQLite can no longer read, found with a connection of the test's own. */
let damaged: string[];
let readable: string[];

/** Overwrites one leaf page of the messages table, about two thirds of the way into it. */
function damageAPage(file: string): void {
  const db = openDatabase(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  db.close();
  const page = pages[Math.floor(pages.length * 0.66)] as number;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

function unreadableConversations(file: string, ids: string[]): string[] {
  const db = openDatabase(file, { readonly: true });
  const read = db.prepare('SELECT content FROM messages WHERE conversation_id = ? ORDER BY position');
  try {
    return ids.filter((id) => {
      try {
        read.all(id);
        return false;
      } catch {
        return true;
      }
    });
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-damaged-'));
  const { store } = await openHistory({ dataDir });
  const conversations = Array.from({ length: CONVERSATIONS }, (_, n) =>
    sampleConversation({
      id: randomUUID(),
      title: `Chat ${n}`,
      updatedAt: 1_000_000 + n,
      messages: [
        sampleMessage({ id: randomUUID(), content: `question ${n}: ${'what about this? '.repeat(10)}` }),
        sampleMessage({ id: randomUUID(), role: 'assistant', content: `answer ${n}: ${'here is how. '.repeat(20)}` }),
      ],
    }),
  );
  store.importConversations(conversations, 'skip');
  store.close();
  damageAPage(historyPath(dataDir));
  const ids = conversations.map((c) => c.id);
  damaged = unreadableConversations(historyPath(dataDir), ids);
  readable = ids.filter((id) => !damaged.includes(id));
  harness = await startWebModeHarness({ dataDir });
  api = await webModeApi(harness);
}, 120_000);
afterAll(() => harness.close());

describe('a damaged page deep in a large history', () => {
  it('is really there: some conversations cannot be read, most can', () => {
    expect(damaged.length).toBeGreaterThan(0);
    expect(readable.length).toBeGreaterThan(CONVERSATIONS * 0.9);
  });

  it('opening an affected conversation says the history is damaged, and a notice offers Back up and Restore', async () => {
    await expect(api.getConversation({ id: damaged[0] as string })).rejects.toMatchObject({
      code: 'history-damaged',
      message: expect.stringMatching(/damaged part of your history file.*Back up what can still be read, then restore a backup/),
    });
    expect((await api.getConversation({ id: readable[0] as string })).messages).toHaveLength(2);

    const notice = (await api.notices()).find((item) => item.id === 'history-damaged');
    expect(notice).toMatchObject({ level: 'warning', offers: ['back-up', 'choose-backup'] });
    expect(notice?.message).toMatch(/^Your history file history\.sqlite3 is damaged: SQLite's check found .*problem/);
  });

  it('Back up keeps every conversation that can be read and names the others', async () => {
    const saved = await api.backUp();
    const backup = JSON.parse(saved.download?.content ?? '{}') as Backup;
    expect(new Set(backup.conversations.map((c) => c.id))).toEqual(new Set(readable));
    expect(saved.unreadable.map((item) => item.id).sort()).toEqual([...damaged].sort());
    expect(saved.unreadable.every((item) => /^Chat \d+$/.test(item.title))).toBe(true);
  }, 60_000);
});
