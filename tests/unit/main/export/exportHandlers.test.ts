/**
 * Export and import as the page uses them: web mode for real (services, SQLite, the bridge, the
 * web dialogs), driven through createApi. Conversations are made by chatting with the fake server.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyError } from '../../../../shared/ipc/parleyError';
import type { ParleyApi } from '../../../../shared/ipc/client';
import type { ChatMessage, FolderExportStatus } from '../../../../shared/ipc';
import { backupToJson, createBackup, parseBackup } from '../../../../main/export/backup';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import type { ExportConversation } from '../../../../main/export/types';
import { openDatabase } from '../../../../main/history/database';
import { historyPath } from '../../../../main/history/historyFiles';
import { startWebModeHarness } from '../../support/webModeHarness';
import type { WebModeHarness } from '../../support/webModeHarness';
import { sampleConversation, sampleMessage } from './sample';
import { webModeApi } from './webModeApi';

const KEY = 'sk-parley-test-key-7Q2Z';
const chatgptExport = readFileSync(new URL('../../../fixtures/export/chatgpt-conversations.json', import.meta.url), 'utf8');

const harnesses: WebModeHarness[] = [];
/** Web mode on a fresh data folder, and the page's API to it. */
async function freshApp(): Promise<{ harness: WebModeHarness; api: ParleyApi }> {
  const harness = await startWebModeHarness();
  harnesses.push(harness);
  return { harness, api: await webModeApi(harness) };
}
afterAll(async () => {
  for (const harness of harnesses) await harness.close();
});

/** A saved conversation made the way the page makes one: create it, then chat turn by turn. */
async function chatIn(api: ParleyApi, model: string, systemPrompt: string, questions: string[]): Promise<string> {
  const id = randomUUID();
  await api.createConversation({ id, model, systemPrompt });
  const messages: ChatMessage[] = [];
  for (const content of questions) {
    messages.push({ role: 'user', content });
    const history = { conversationId: id, answerId: randomUUID(), turn: { kind: 'new' as const, userMessageId: randomUUID() } };
    const result = await api.chat({ model, systemPrompt, messages, history }, () => undefined).done;
    expect(result.status).toBe('complete');
    messages.push({ role: 'assistant', content: result.content });
  }
  return id;
}

async function finished(api: ParleyApi, jobId: string): Promise<FolderExportStatus> {
  for (;;) {
    const status = await api.folderExportStatus({ jobId });
    if (status.finished) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const markdownFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
const filesIn = (folder: string) => markdownFiles(folder).map((name) => ({ name, content: readFileSync(join(folder, name), 'utf8') }));

/** A conversation with fresh ids, as Parley makes them. */
function madeUp(over: Partial<ExportConversation> = {}, texts = ['A question', 'An answer']): ExportConversation {
  const messages = texts.map((content, n) => sampleMessage({ id: randomUUID(), role: n % 2 ? 'assistant' : 'user', content }));
  return sampleConversation({ id: randomUUID(), messages, ...over });
}
const asFile = (c: ExportConversation, name = `${c.title}.md`) => ({ name, content: conversationToMarkdown(c) });

describe('export and import through the page’s API (web mode)', () => {
  let app: { harness: WebModeHarness; api: ParleyApi };
  let ids: string[];
  let exported: { name: string; content: string }[];

  beforeAll(async () => {
    app = await freshApp();
    await app.api.saveKey({ key: KEY });
    ids = [
      await chatIn(app.api, 'fake/echo', 'Be brief.', ['Hello there', 'And a fence?\n```js\nlet x = 1;\n```']),
      await chatIn(app.api, 'fake/reasoning', '', ['Why is the sky blue?']),
    ];
  });

  it('exports one conversation as a Markdown download, with its endpoint and without the key', async () => {
    const saved = await app.api.exportConversation({ id: ids[0] as string });
    expect(saved.savedTo).toBeNull();
    expect(saved.download).toMatchObject({ fileName: expect.stringMatching(/^\d{4}-\d\d-\d\d Hello there\.md$/), mimeType: 'text/markdown' });
    const markdown = saved.download?.content ?? '';
    expect(markdown).toContain('You said: Hello there');
    expect(markdown).toContain(`endpoint: "${app.harness.fake.baseURL}"`);
    expect(markdown).not.toContain(KEY);
    expect(markdown).not.toContain('harness-key');
    const read = markdownToConversation(markdown);
    expect(read).toMatchObject({ id: ids[0], systemPrompt: 'Be brief.', model: 'fake/echo' });
    expect(read.messages.map((m) => m.status)).toEqual(['complete', 'complete', 'complete', 'complete']);
    expect(read.messages[1]?.usage).not.toBeNull();

    expect((await app.api.conversationMarkdown({ id: ids[0] as string })).markdown).toBe(markdown);
  });

  it('backs up every conversation and the settings, never the key', async () => {
    const saved = await app.api.backUp();
    expect(saved.download).toMatchObject({ fileName: expect.stringMatching(/^Parley backup \d{4}-\d\d-\d\d\.json$/), mimeType: 'application/json' });
    const json = saved.download?.content ?? '';
    expect(json).not.toContain(KEY);
    const backup = parseBackup(json);
    expect(backup.conversations.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(backup.prompts).toEqual([]);
    expect(backup.settings.baseURL).toBe(app.harness.fake.baseURL);
    expect(backup.conversations.find((c) => c.id === ids[1])?.messages[1]?.reasoning).not.toBe('');
  });

  it('exports all into a new folder in the data folder, one file per conversation, with progress to the end', async () => {
    const { jobId } = await app.api.startFolderExport({ ids: null });
    const status = await finished(app.api, jobId as string);
    expect(status).toMatchObject({ done: 2, total: 2, written: 2, cancelled: false, skipped: [], error: null });
    expect(status.folder.startsWith(join(app.harness.dataDir, 'exports'))).toBe(true);
    exported = filesIn(status.folder);
    expect(exported).toHaveLength(2);
    const byId = new Map(exported.map((file) => [markdownToConversation(file.content).id, file.content]));
    for (const id of ids) expect(byId.get(id)).toBe((await app.api.conversationMarkdown({ id })).markdown);
    expect(exported.some((file) => file.content.includes(KEY))).toBe(false);
  });

  it('exports the selected conversations, and reports one that no longer exists', async () => {
    const gone = randomUUID();
    const { jobId } = await app.api.startFolderExport({ ids: [ids[1] as string, gone] });
    const status = await finished(app.api, jobId as string);
    expect(status).toMatchObject({ done: 2, total: 2, written: 1, skipped: [{ id: gone, reason: expect.stringContaining('no longer exists') }] });
    expect(markdownFiles(status.folder)).toHaveLength(1);
  });

  it('imports a folder of exports into a fresh data folder, and exports them again byte for byte', async () => {
    const fresh = await freshApp();
    const report = await fresh.api.importFiles({ files: exported, duplicates: 'skip' });
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((c) => c.id).sort()).toEqual([...ids].sort());

    const { jobId } = await fresh.api.startFolderExport({ ids: null });
    const again = filesIn((await finished(fresh.api, jobId as string)).folder);
    expect(again).toEqual(exported);
    const list = await fresh.api.listConversations({ offset: 0, limit: 10 });
    expect(list.conversations.map((c) => c.id)).toEqual((await app.api.listConversations({ offset: 0, limit: 10 })).conversations.map((c) => c.id));
  });

  it('skips or replaces conversations already stored, as the user chose', async () => {
    const id = ids[0] as string;
    const original = (await app.api.conversationMarkdown({ id })).markdown;
    const edited = { name: 'edited.md', content: original.replace('title: "Hello there"', 'title: "Edited elsewhere"').replace('\n# Hello there\n', '\n# Edited elsewhere\n') };

    const skipped = await app.api.importFiles({ files: [edited], duplicates: 'skip' });
    expect(skipped).toEqual({ imported: [], skipped: [{ source: 'edited.md', reason: 'it is already in your history (kept as it is).' }] });
    expect((await app.api.getConversation({ id })).title).toBe('Hello there');

    expect(await app.api.importFiles({ files: [edited], duplicates: 'replace' })).toEqual({ imported: [{ id, title: 'Edited elsewhere' }], skipped: [] });
    expect((await app.api.getConversation({ id })).title).toBe('Edited elsewhere');
    expect((await app.api.conversationMarkdown({ id })).markdown).toBe(edited.content);
  });

  it('imports the good files among bad ones, and says what was skipped and why', async () => {
    const good = madeUp({ title: 'Good one' });
    const damaged = asFile(madeUp({ title: 'Damaged' }), 'damaged.md');
    damaged.content = damaged.content.replace(/\n1 \{/, '\n1 {oops');
    const foreign = madeUp({ id: 'not-a-uuid', title: 'Hand made' });
    const report = await app.api.importFiles({ files: [asFile(good, 'good.md'), damaged, { name: 'notes.txt', content: 'hello' }, { name: 'data.json', content: '{"hello": 1}' }, asFile(foreign, 'foreign.md')], duplicates: 'skip' });
    expect(report.imported).toEqual([{ id: good.id, title: 'Good one' }]);
    expect(report.skipped).toEqual([
      { source: 'damaged.md', reason: expect.stringMatching(/^Line \d+: the message's details are not valid JSON\.$/) },
      { source: 'notes.txt', reason: expect.stringContaining('(.md)') },
      { source: 'data.json', reason: 'data.json is neither a ChatGPT export (a list of conversations) nor a Parley backup (an object with a schemaVersion).' },
      { source: 'foreign.md', reason: 'its id "not-a-uuid" is not one Parley makes (a UUID).' },
    ]);
    expect((await app.api.getConversation({ id: good.id })).messages.map((m) => m.content)).toEqual(['A question', 'An answer']);
  });

  it('names an empty or garbage conversations.json by its name and says what it is not', async () => {
    const report = await app.api.importFiles({
      files: [
        { name: 'conversations.json', content: '' },
        { name: 'Export/conversations.json', content: '\u0000\u0001 binary garbage' },
      ],
      duplicates: 'skip',
    });
    expect(report).toEqual({
      imported: [],
      skipped: [
        { source: 'conversations.json', reason: 'conversations.json is empty, so there is nothing in it to import.' },
        {
          source: 'Export/conversations.json',
          reason: expect.stringMatching(/^Export\/conversations\.json is not valid JSON \(.+\), so it is neither a ChatGPT export \(a list of conversations\) nor a Parley backup/),
        },
      ],
    });
  });

  it('imports a ChatGPT export: titles, times and the main branch, with what was left out', async () => {
    const fresh = await freshApp();
    const report = await fresh.api.importFiles({ files: [{ name: 'conversations.json', content: chatgptExport }], duplicates: 'skip' });
    expect(report.imported).toEqual([
      { id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', title: 'Trip to Kyoto 🗾', notes: expect.arrayContaining(['1 tool call (web) and its result was not imported.']) },
      { id: '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b', title: 'مرحبا — a greeting' },
    ]);
    expect(report.skipped).toContainEqual({ source: 'conversations.json: "Broken links"', reason: 'its messages do not link up from current_node to the first one.' });
    const kyoto = await fresh.api.getConversation({ id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' });
    expect(kyoto).toMatchObject({ title: 'Trip to Kyoto 🗾', createdAt: 1732600000123, updatedAt: 1732600900623 });
    expect(kyoto.messages).toHaveLength(6);
    // The edited question keeps its earlier wording and the regenerated answer the one it replaced, browsable as earlier versions.
    expect(kyoto.messages.filter((m) => m.versions).map((m) => [m.role, m.versions?.length])).toEqual([['user', 1], ['assistant', 1]]);

    const again = await fresh.api.importFiles({ files: [{ name: 'conversations.json', content: chatgptExport }], duplicates: 'skip' });
    expect(again.imported).toEqual([]);
  });

  it('restores a backup’s conversations and offers its settings without applying them', async () => {
    const backup = (await app.api.backUp()).download?.content ?? '';
    const fresh = await freshApp();
    await fresh.api.updateSettings({ defaultModel: 'mine' });
    const report = await fresh.api.importFiles({ files: [{ name: 'backup.json', content: backup }], duplicates: 'skip' });
    expect(report.imported.map((c) => c.id).sort()).toEqual((await app.api.listConversations({ offset: 0, limit: 10 })).conversations.map((c) => c.id).sort());
    expect(report.skipped).toEqual([]);
    expect(report.settings).toMatchObject({ source: 'backup.json', settings: { defaultModel: (await app.api.getSettings()).defaultModel } });
    expect((await fresh.api.getSettings()).defaultModel).toBe('mine');
  });

  it('changes nothing when the import fails midway', async () => {
    const fresh = await freshApp();
    const existing = madeUp({ title: 'Existing' });
    await fresh.api.importFiles({ files: [asFile(existing)], duplicates: 'skip' });
    // A real SQLite failure, from a second connection to the same file, on the third conversation's message.
    const db = openDatabase(historyPath(fresh.harness.dataDir));
    db.exec("CREATE TRIGGER fail_import BEFORE INSERT ON messages WHEN new.content = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    db.close();
    const files = [asFile({ ...existing, title: 'Replaced' }), asFile(madeUp({ title: 'New' })), asFile(madeUp({ title: 'Fails' }, ['boom']))];

    const failure = await fresh.api.importFiles({ files, duplicates: 'replace' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ParleyError);
    expect((failure as ParleyError).message).toBe('The import failed, so nothing was changed (disk full).');
    const list = await fresh.api.listConversations({ offset: 0, limit: 10 });
    expect(list.conversations.map((c) => [c.id, c.title])).toEqual([[existing.id, 'Existing']]);
    expect((await fresh.api.conversationMarkdown({ id: existing.id })).markdown).toBe(conversationToMarkdown(existing));
  });

  it('stops a large export when cancelled, leaving only whole files', async () => {
    const fresh = await freshApp();
    const many = Array.from({ length: 400 }, (_, n) => madeUp({ title: `Chat ${n}` }, ['Question '.repeat(200), 'Answer '.repeat(400)]));
    const backup = backupToJson(createBackup({ conversations: many, prompts: [], settings: await fresh.api.getSettings(), now: Date.now() }));
    expect((await fresh.api.importFiles({ files: [{ name: 'many.json', content: backup }], duplicates: 'skip' })).imported).toHaveLength(400);

    const { jobId } = await fresh.api.startFolderExport({ ids: null });
    expect(await fresh.api.cancelFolderExport({ jobId: jobId as string })).toEqual({ cancelled: true });
    const status = await finished(fresh.api, jobId as string);
    expect(status.cancelled).toBe(true);
    expect(status.done).toBeLessThan(400);
    expect(status.total).toBe(400);
    expect(readdirSync(status.folder)).toEqual(markdownFiles(status.folder));
    expect(markdownFiles(status.folder)).toHaveLength(status.written);
    expect(await fresh.api.cancelFolderExport({ jobId: jobId as string })).toEqual({ cancelled: false });
  });
});
