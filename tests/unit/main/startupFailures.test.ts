/**
 * Starting Parley where it cannot work normally, through the real `npm run web` entry in a
 * child process: a read-only data folder (a read-only bind mount of the child's own) opens the
 * history read-only so it can still be browsed, and says why nothing is saved; a folder where
 * history.sqlite3 should be, or a file where the data folder should be, stops the start with a
 * sentence that names the path and what to do.
 */
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type ParleyApi } from '../../../shared/ipc/client';
import { historyPath } from '../../../main/history/historyFiles';
import { openHistory } from '../../../main/history/openHistory';
import { createWebTransport } from '../../../renderer/lib/webTransport';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../fixtures/fakeInferenceServer';
import { sampleConversation, sampleMessage } from './export/sample';
import { ownMountSupport, spawnWithOwnMount } from '../support/ownMount';
import { WebSocket as NodeWebSocket } from 'ws';

const WEB_CLI = [process.execPath, '--import', 'tsx', 'main/web/cli.ts', '--port', '0'];
const support = ownMountSupport();
if (!support.ok) console.info(`Read-only data folder test skipped: ${support.reason}`);

const root = mkdtempSync(join(tmpdir(), 'parley-startup-'));
let fake: FakeInferenceServer;
beforeAll(async () => {
  fake = await startFakeInferenceServer();
});
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

/** Waits for web mode to print its URL, or to exit; resolves with what it said either way. */
function outcome(child: ChildProcessWithoutNullStreams): Promise<{ url: string | null; stderr: string; exitCode: number | null }> {
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /Open (http:\/\/\S+)\n/.exec(stdout)?.[1];
      if (url) resolve({ url, stderr, exitCode: null });
    });
    child.on('close', (exitCode) => resolve({ url: null, stderr, exitCode }));
  });
}

/** `window.parley` as the page at `url` gets it. */
async function pageApi(url: string): Promise<ParleyApi> {
  const page = new URL(url);
  globalThis.WebSocket = class extends NodeWebSocket {
    constructor(address: string) {
      super(address, { origin: page.origin });
    }
  } as unknown as typeof WebSocket;
  const api = createApi(createWebTransport(page));
  await api.getSettings();
  return api;
}

describe.skipIf(!support.ok)('a read-only data folder', () => {
  it('opens the history read-only: it can be browsed and searched, and the window says why nothing is saved', async () => {
    const dataDir = join(root, 'read-only');
    const { store } = await openHistory({ dataDir });
    const id = randomUUID();
    store.importConversations(
      [sampleConversation({ id, title: 'Notes about quokkas', messages: [sampleMessage({ id: randomUUID(), content: 'Tell me about quokkas' })] })],
      'skip',
    );
    store.close();

    const child = spawnWithOwnMount({ kind: 'read-only' }, dataDir, [...WEB_CLI, '--data-dir', dataDir, '--base-url', fake.baseURL], {
      ...process.env,
      PARLEY_API_KEY: 'test-key',
    });
    try {
      const started = await outcome(child);
      expect(started.url, started.stderr).not.toBeNull();
      const api = await pageApi(started.url as string);

      expect((await api.listConversations({ offset: 0, limit: 10 })).conversations.map((c) => c.title)).toEqual(['Notes about quokkas']);
      expect((await api.getConversation({ id })).messages[0]?.content).toBe('Tell me about quokkas');
      expect((await api.searchConversations({ query: 'quokkas', limit: 50 })).map((hit) => hit.conversationId)).toContain(id);
      const notice = (await api.notices()).find((item) => item.id === 'history-read-only');
      expect(notice?.message).toBe(
        `Parley cannot write to its data folder ${dataDir} (it is on a read-only disk), so it opened your history read-only: ` +
          'you can read, search and export your conversations, but nothing new is saved. Make the folder writable, then restart Parley.',
      );

      // Writing says the same, and nothing is sent.
      const requests = fake.requests.length;
      const result = await api.chat(
        {
          model: 'fake/echo',
          systemPrompt: '',
          messages: [{ role: 'user', content: 'One more' }],
          history: { conversationId: id, answerId: randomUUID(), turn: { kind: 'new', userMessageId: randomUUID() } },
        },
        () => undefined,
      ).done;
      expect(result.error).toMatchObject({ code: 'read-only', message: expect.stringMatching(/^Parley cannot write to its data folder/) });
      expect(fake.requests.length).toBe(requests);
      await expect(api.updateConversation({ id, patch: { title: 'Renamed' } })).rejects.toMatchObject({ code: 'read-only' });
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

describe('what cannot be opened at all', () => {
  it('a folder where history.sqlite3 should be: names it and says what to do', async () => {
    const dataDir = join(root, 'folder-in-the-way');
    mkdirSync(historyPath(dataDir), { recursive: true });
    const result = await outcome(spawn(WEB_CLI[0] as string, [...WEB_CLI.slice(1), '--data-dir', dataDir]));
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Parley could not start: Parley needs a file at ${historyPath(dataDir)} to keep your conversations, but there is a folder there. ` +
        'Move or rename the folder (keep it if it holds anything you need), then start Parley again.',
    );
  }, 60_000);

  it('a file where the data folder should be: names it and says what to do', async () => {
    const dataDir = join(root, 'a-file');
    writeFileSync(dataDir, 'not a folder');
    const result = await outcome(spawn(WEB_CLI[0] as string, [...WEB_CLI.slice(1), '--data-dir', dataDir]));
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toMatch(new RegExp(`^Parley could not start: Parley needs a folder at ${dataDir}, but something else is there \\(a file\\)\\. Move or rename it`));
  }, 60_000);
});
