/**
 * The disk fills while an answer streams (a real tmpfs, filled to the last byte, under both the
 * history and the log): main keeps running, the answer goes on and is kept in memory, the page
 * hears "The disk is full: Parley cannot save…", a new message is refused without being sent,
 * and once space returns everything is saved as it arrived.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatResult } from '../../../../shared/ipc';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { jsonLines, ownMountSupport, spawnWithOwnMount } from '../../support/ownMount';
import { bundleChild, type WriterChild } from '../history/support/writerChild';

const support = ownMountSupport();
if (!support.ok) console.info(`Disk-full tests skipped: ${support.reason}`);

let fake: FakeInferenceServer;
let child: WriterChild;
const dir = mkdtempSync(join(tmpdir(), 'parley-small-disk-'));
beforeAll(async () => {
  fake = await startFakeInferenceServer();
  child = await bundleChild('tests/fixtures/history/diskFullChild.ts');
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

type Line = { event?: ChatEvent; messages?: { role: string; status: string; content: string }[]; pending?: number; filled?: number };
const isEvent = (type: ChatEvent['type']) => (value: unknown) => (value as Line).event?.type === type;
const has = (key: keyof Line) => (value: unknown) => (value as Line)[key] !== undefined;

describe.skipIf(!support.ok)('a full disk while an answer streams', () => {
  it('keeps main running and the answer in memory, says so, refuses new messages unsent, and saves everything when space returns', async () => {
    const running = spawnWithOwnMount({ kind: 'tmpfs', size: '4m' }, dir, [process.execPath, child.script, dir, fake.baseURL], child.env);
    const lines = jsonLines(running);
    try {
      lines.send('send fake/lines Tell me a long story');
      await lines.next(isEvent('delta'));
      expect((await lines.ask<Line>('fill', has('filled'))).filled).toBeGreaterThan(0);

      // The stream goes on to the end; the page is told once that it is not saved.
      const unsaved = await lines.next<Line>(isEvent('unsaved'));
      const done = await lines.next<Line>(isEvent('done'));
      const result = (done.event as { result: ChatResult }).result;
      expect(result.status).toBe('complete');
      expect(result.content.match(/Line \d+ of a long answer/g)).toHaveLength(60);
      expect((unsaved.event as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'disk-full',
        message: expect.stringMatching(/^The disk is full: Parley cannot save this answer\./),
      });
      // Really not on disk yet: the stored answer is behind what the page shows.
      const stored = (await lines.ask<Line>('read', has('messages'))).messages ?? [];
      expect(stored.at(-1)?.content).not.toBe(result.content);

      // A new message while the disk is full: not saved, so not sent, and said plainly.
      const requests = fake.requests.length;
      lines.send('send fake/echo Are you still there?');
      const refused = await lines.next<Line>((value) => isEvent('done')(value) && value !== done);
      expect((refused.event as { result: ChatResult }).result.error).toMatchObject({
        code: 'disk-full',
        message: expect.stringMatching(/^The disk is full: Parley cannot save your message\. It was not answered\./),
      });
      expect(fake.requests.length).toBe(requests);
      expect((await lines.ask<Line>('pending', has('pending'))).pending).toBe(1);

      // Space again: the kept answer is saved whole, and nothing else was stored.
      await lines.ask('free', has('freed' as keyof Line));
      expect((await lines.ask<Line>('pending', has('pending'))).pending).toBe(0);
      const after = (await lines.ask<Line>('read', has('messages'))).messages ?? [];
      expect(after).toEqual([
        { role: 'user', status: 'complete', content: 'Tell me a long story' },
        { role: 'assistant', status: 'complete', content: result.content },
      ]);
      expect(running.exitCode).toBeNull();
      // The console (echoed to stderr) only said what was kept; nothing was thrown.
      expect(lines.stderr().split('\n').filter(Boolean)).toEqual([
        expect.stringMatching(/could not save part of answer .*: database or disk is full$/),
        expect.stringMatching(/is kept in memory until it can be saved: database or disk is full$/),
      ]);
    } finally {
      running.kill('SIGKILL');
      await lines.exited;
    }
  }, 60_000);
});
