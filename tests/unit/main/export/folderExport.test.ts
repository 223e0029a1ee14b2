import { readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportConversations } from '../../../../main/export/folderExport';
import type { ExportProgress } from '../../../../main/export/folderExport';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import type { ExportConversation } from '../../../../main/export/types';
import { sampleConversation } from './sample';
import { useTempFolders } from './tempFolder';

const tempFolder = useTempFolders();
const timeZone = 'UTC';
const many = (n: number): ExportConversation[] => Array.from({ length: n }, (_, i) => sampleConversation({ id: `c-${i}`, title: `Chat ${i % 3}` }));

describe('exportConversations', () => {
  it('writes one readable file per conversation, with unique names, reporting progress', async () => {
    const folder = tempFolder();
    const conversations = many(5);
    const progress: ExportProgress[] = [];
    const result = await exportConversations({ conversations, folder, timeZone, onProgress: (p) => progress.push(p) });
    expect(result.cancelled).toBe(false);
    expect(result.skipped).toEqual([]);
    expect(result.written.map((f) => basename(f))).toEqual([
      '2026-11-26 Chat 0.md', '2026-11-26 Chat 1.md', '2026-11-26 Chat 2.md', '2026-11-26 Chat 0 (2).md', '2026-11-26 Chat 1 (2).md',
    ]);
    expect(readdirSync(folder).sort()).toEqual(result.written.map((f) => basename(f)).sort());
    result.written.forEach((file, i) => expect(readFileSync(file, 'utf8')).toBe(conversationToMarkdown(conversations[i] as ExportConversation, { timeZone })));
    expect(progress.map((p) => [p.done, p.total])).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
  });

  it('never overwrites a file, even one that appears while exporting', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '2026-11-26 chat 0.md'), 'mine');
    const result = await exportConversations({
      folder,
      timeZone,
      conversations: {
        ids: ['c-0', 'c-1'],
        load: (id) => {
          // Another program takes the name this conversation would get.
          if (id === 'c-1') writeFileSync(join(folder, '2026-11-26 Chat 1.md'), 'theirs');
          return sampleConversation({ id, title: id === 'c-0' ? 'Chat 0' : 'Chat 1' });
        },
      },
    });
    expect(result.written.map((f) => basename(f))).toEqual(['2026-11-26 Chat 0 (2).md', '2026-11-26 Chat 1 (2).md']);
    expect(readFileSync(join(folder, '2026-11-26 chat 0.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(folder, '2026-11-26 Chat 1.md'), 'utf8')).toBe('theirs');
  });

  it('stops promptly when cancelled, leaving only complete files and no temporary ones', async () => {
    const folder = tempFolder();
    const controller = new AbortController();
    const conversations = many(50);
    const result = await exportConversations({
      folder,
      timeZone,
      signal: controller.signal,
      conversations: { ids: conversations.map((c) => c.id), load: async (id) => conversations.find((c) => c.id === id) as ExportConversation },
      onProgress: (p) => {
        if (p.done === 7) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.written).toHaveLength(7);
    const files = readdirSync(folder);
    expect(files.sort()).toEqual(result.written.map((f) => basename(f)).sort());
    for (const file of result.written) expect(markdownToConversation(readFileSync(file, 'utf8')).id).toMatch(/^c-\d+$/);
  });

  it('removes the file in progress when cancelled during the write', async () => {
    const folder = tempFolder();
    const controller = new AbortController();
    const huge = sampleConversation({ messages: [{ ...sampleConversation().messages[0], content: 'x'.repeat(64 * 1024 * 1024) } as never] });
    // Cancel as soon as the temporary file appears, i.e. while it is being written.
    const watcher = watch(folder, () => controller.abort());
    const result = await exportConversations({ conversations: [huge, sampleConversation()], folder, timeZone, signal: controller.signal }).finally(() => watcher.close());
    expect(result).toEqual({ written: [], skipped: [], cancelled: true });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('skips what it cannot export and says why, and goes on', async () => {
    const folder = tempFolder();
    const result = await exportConversations({
      folder,
      timeZone,
      conversations: {
        ids: ['gone', 'bad-date', 'ok'],
        load: (id) => {
          if (id === 'gone') throw new Error('no such conversation');
          return sampleConversation({ id, createdAt: id === 'bad-date' ? Number.NaN : 0 });
        },
      },
    });
    expect(result.skipped).toEqual([
      { id: 'gone', reason: 'could not be loaded: no such conversation' },
      { id: 'bad-date', reason: 'Invalid time value' },
    ]);
    expect(result.written.map((f) => basename(f))).toEqual(['1970-01-01 Sorting in Python.md']);
  });
});
