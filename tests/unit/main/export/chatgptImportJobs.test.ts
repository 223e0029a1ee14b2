/**
 * A ChatGPT export sent in pieces, into a real history file: cut anywhere (inside a character's
 * UTF-8 bytes too), it imports as the whole file does; a stop keeps what was read; a file cut
 * short or not an export says so.
 */
import { describe, expect, it } from 'vitest';
import { chatgptToConversations } from '../../../../main/export/chatgptImport';
import { createChatGptImportJobs } from '../../../../main/export/chatgptImportJobs';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { AppFailure } from '../../../../main/appFailure';
import { largeExportConversation } from '../../../../bench/fixtures/largeChatgptExport';
import { useFreshStore } from '../history/support/openStore';

let store: HistoryStore;
useFreshStore((opened) => ({ store } = opened));

/** An export of `count` conversations, as bytes. */
const exportOf = (count: number, paragraphs = 3): Buffer =>
  Buffer.from(`[${Array.from({ length: count }, (_, copy) => largeExportConversation(copy, paragraphs)).join(',\n')}]`);

/** Sends `bytes` in pieces of the given sizes (repeated), as the page does. */
function send(jobs: ReturnType<typeof createChatGptImportJobs>, jobId: string, bytes: Buffer, sizes: readonly number[]): number[] {
  const seen: number[] = [];
  for (let offset = 0, n = 0; offset < bytes.length; n++) {
    const size = sizes[n % sizes.length] ?? 1;
    seen.push(jobs.chunk(jobId, bytes.subarray(offset, offset + size).toString('base64')).bytes);
    offset += size;
  }
  return seen;
}

describe('importing a ChatGPT export in pieces', () => {
  it('stores what the whole file gives, whatever the pieces, with progress', () => {
    const bytes = exportOf(130);
    const jobs = createChatGptImportJobs(store.importConversations);
    const jobId = jobs.begin('conversations.json', 'skip');
    const progress = send(jobs, jobId, bytes, [1, 2, 3, 4_099, 65_537, 7]);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const report = jobs.finish(jobId);

    const whole = chatgptToConversations(bytes.toString('utf8'));
    expect(report).toEqual({ imported: whole.report.imported, skipped: [] });
    expect(report.imported).toHaveLength(130);
    for (const expected of [whole.conversations[0], whole.conversations[77], whole.conversations[129]]) {
      expect(expected && store.exportConversation(expected.id)).toEqual({ ...expected, endpoint: '' });
    }
  });

  it('a second import with "skip" leaves what is there, and a repeated conversation is imported once', () => {
    const jobs = createChatGptImportJobs(store.importConversations);
    const first = jobs.begin('a.json', 'skip');
    send(jobs, first, exportOf(3), [1_000_000]);
    expect(jobs.finish(first).imported).toHaveLength(3);

    const twice = Buffer.from(`[${largeExportConversation(0, 1)},${largeExportConversation(9, 1)},${largeExportConversation(9, 1)}]`);
    const second = jobs.begin('b.json', 'skip');
    send(jobs, second, twice, [5_000]);
    expect(jobs.finish(second)).toEqual({
      imported: [expect.objectContaining({ title: 'Fuel rail hose #10' })],
      skipped: [
        { source: 'b.json: "Sourdough starter #1"', reason: 'it is already in your history (kept as it is).' },
        { source: 'b.json: "Fuel rail hose #10"', reason: 'it appears more than once in this file; the first is imported.' },
      ],
    });
  });

  it('a stop keeps what was read; a file cut short keeps what came before and says so', () => {
    const bytes = exportOf(120);
    const jobs = createChatGptImportJobs(store.importConversations);
    const stopped = jobs.begin('conversations.json', 'skip');
    send(jobs, stopped, bytes.subarray(0, Math.floor(bytes.length / 2)), [64 * 1024]);
    const report = jobs.cancel(stopped);
    expect(report.imported.length).toBeGreaterThan(40);
    expect(report.skipped).toEqual([{ source: 'conversations.json', reason: `the import was stopped after ${report.imported.length} conversations of the file; the rest were not imported.` }]);
    expect(store.conversationIds()).toHaveLength(report.imported.length);

    const cut = jobs.begin('conversations.json', 'replace');
    send(jobs, cut, bytes.subarray(0, bytes.length - 100), [1_000_000]);
    const cutReport = jobs.finish(cut);
    expect(cutReport.imported).toHaveLength(119);
    expect(cutReport.skipped).toEqual([{ source: 'conversations.json', reason: 'it ends in the middle of a conversation: the file may be cut short. The conversations before that point were read.' }]);
  });

  it('refuses a file that is not an export, and a job it does not know', () => {
    const jobs = createChatGptImportJobs(store.importConversations);
    const jobId = jobs.begin('settings.json', 'skip');
    expect(() => jobs.chunk(jobId, Buffer.from('{"theme": "dark"}').toString('base64'))).toThrow(
      new AppFailure({ code: 'invalid-request', message: 'settings.json is not a ChatGPT conversations.json: it does not start with a list ([).' }),
    );
    expect(() => jobs.finish(jobId)).toThrow(/no such import/);
  });
});
