import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import type { Attachment, ToolCallRecord } from '../../../../shared/ipc';
import { backupToJson, createBackup, parseBackup } from '../../../../main/export/backup';
import type { ExportConversation } from '../../../../main/export/types';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { inlineLinks } from '../../../../main/export/exportAttachments';
import { importFiles } from '../../../../main/export/importFiles';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import { PIXEL_PNG } from '../attachments/support';
import { DONE, openStore } from './support/openStore';
import { conversationInput, manualClock, useTempDir } from './support/tempHistory';
import { checkTree, treeSnapshot } from './support/treeChecks';

const tempDir = useTempDir();
const clock = manualClock();

const toolCall = (text: string): ToolCallRecord => ({
  id: randomUUID(), round: 1, contentOffset: 0, serverId: 'server-1', serverName: 'Files', tool: 'read_text_file', arguments: '{"path":"/tmp/a"}',
  status: 'complete', decision: 'once', resultText: text, resultImages: [], error: null, startedAt: 1_000, durationMs: 3,
});

const photo = { file: `${'b'.repeat(64)}.png`, name: 'gannet.png', kind: 'image', mimeType: 'image/png', bytes: 3 } as const;

/** The same photo stored in a real data folder, for exports that carry the bytes. */
async function storedPhoto(dataDir: string): Promise<Attachment> {
  return createAttachmentFiles(dataDir).save('gannet.png', PIXEL_PNG);
}

function answer(store: HistoryStore, id: string, content: string, regenerating?: string): void {
  clock.advance(1_000);
  const writer = regenerating ? store.regenerateAnswer(id, regenerating, { model: 'model-a', params: {} }) : store.startAnswer(id, { model: 'model-a', params: {} });
  writer.append({ content });
  writer.finish(DONE);
}

function ask(store: HistoryStore, id: string, content: string, editing?: string, attachment?: Attachment): string {
  clock.advance(1_000);
  const input = { content, model: 'model-a', params: {}, ...(attachment ? { attachments: [attachment] } : {}) };
  return (editing ? store.editUserMessage(id, editing, input) : store.addUserMessage(id, input)).id;
}

const shownTexts = (store: HistoryStore, id: string) => store.getConversation(id)?.messages.map((m) => m.content);

/**
 * Questions one, two (with a photo) and three, answered; "re: three" regenerated with a tool call
 * and asked "four" after it, then "re: three" shown again; then question two edited and answered
 * twice; the edited branch is the one shown.
 */
function branchyConversation(store: HistoryStore, attachment: Attachment = photo): { id: string; two: string } {
  const { id } = store.createConversation(conversationInput('Birds'));
  ask(store, id, 'one');
  answer(store, id, 're: one');
  const two = ask(store, id, 'two, with a photo', undefined, attachment);
  answer(store, id, 're: two');
  ask(store, id, 'three');
  answer(store, id, 're: three');
  const reThree = store.getConversation(id)?.messages.at(-1)?.id as string;
  clock.advance(1_000);
  const again = store.regenerateAnswer(id, reThree, { model: 'model-b', params: {} });
  again.recordToolCall(toolCall('notes'));
  again.append({ content: 're: three, with notes' });
  again.finish(DONE);
  ask(store, id, 'four');
  answer(store, id, 're: four');
  store.showBranch(id, reThree);
  ask(store, id, 'two, edited', two);
  answer(store, id, 're: two, edited');
  answer(store, id, 're: two, edited again', store.getConversation(id)?.messages.at(-1)?.id);
  return { id, two };
}

describe('the whole conversation tree in exports', () => {
  it('a JSON backup carries every branch: restored, each hidden branch opens as it was left', async () => {
    const { store, db } = await openStore(tempDir(), clock.now);
    const { id, two } = branchyConversation(store);
    const json = backupToJson(createBackup({ conversations: [store.exportConversation(id) as ExportConversation], prompts: [], settings: DEFAULT_SETTINGS, now: clock.now() }));

    const { store: other, db: otherDb } = await openStore(tempDir(), clock.now);
    expect(other.importConversations(parseBackup(json).conversations, 'skip')).toEqual([null]);
    expect(treeSnapshot(otherDb, id)).toEqual(treeSnapshot(db, id));
    checkTree(otherDb, id);
    expect(shownTexts(other, id)).toEqual(['one', 're: one', 'two, edited', 're: two, edited again']);
    // Exported again, the restored conversation gives the same file.
    expect(backupToJson(createBackup({ conversations: [other.exportConversation(id) as ExportConversation], prompts: [], settings: DEFAULT_SETTINGS, now: clock.now() }))).toBe(json);
    other.showBranch(id, two);
    // The branch under the first wording comes back whole, with the answer last shown there.
    expect(shownTexts(other, id)).toEqual(['one', 're: one', 'two, with a photo', 're: two', 'three', 're: three']);
    expect(other.getConversation(id)?.messages[2]?.attachments).toEqual([photo]);
    const hiddenAnswer = other.getConversation(id)?.messages[5]?.versions?.[0];
    expect(hiddenAnswer).toMatchObject({ content: 're: three, with notes', toolCalls: [expect.objectContaining({ resultText: 'notes' })] });
    store.close();
    other.close();
  });

  it('a Markdown export lists the other branches after the shown path, each under a heading naming where it departs, and reads back to the same tree', async () => {
    const dataDir = tempDir();
    const { store, db } = await openStore(dataDir, clock.now);
    const { id } = branchyConversation(store, await storedPhoto(dataDir));
    const exported = store.exportConversation(id) as ExportConversation;
    const markdown = conversationToMarkdown(exported, { timeZone: 'UTC', attachmentHref: await inlineLinks(exported, createAttachmentFiles(dataDir)) });
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings.filter((line) => !line.startsWith('####'))).toEqual([
      '# Birds',
      '## You · 2025-01-02 03:04', '## Assistant · model-a · 2025-01-02 03:04', '## You · 2025-01-02 03:04', '### 1 of 2 · You · 2025-01-02 03:04',
      '## Assistant · model-a · 2025-01-02 03:04', '### 1 of 2 · Assistant · model-a · 2025-01-02 03:04',
      '## Other branches',
      '### Branch from question 2, version 1 of 2',
      '### Branch from question 2, version 1 of 2 › answer 3, version 1 of 2',
    ]);
    expect(markdown).toContain('> The conversation went on from this version: see “Branch from question 2, version 1 of 2” under Other branches.');
    // The branch reads in order under its heading: the first wording's answer, question three, its answers.
    const branch = markdown.slice(markdown.indexOf('### Branch from question 2, version 1 of 2\n'), markdown.indexOf('### Branch from question 2, version 1 of 2 ›'));
    const places = ['re: two', 'three', 're: three', 're: three, with notes'].map((text) => branch.indexOf(`\n${text}\n`));
    expect(places[0]).toBeGreaterThan(0);
    expect(places).toEqual([...places].sort((a, b) => a - b));

    const target = tempDir();
    const { store: other, db: otherDb } = await openStore(target, clock.now);
    expect(await importFiles([{ name: 'Birds.md', content: markdown }], 'skip', other.importConversations, createAttachmentFiles(target))).toEqual({ imported: [{ id, title: 'Birds' }], skipped: [] });
    expect(treeSnapshot(otherDb, id)).toEqual(treeSnapshot(db, id));
    checkTree(otherDb, id);
    expect(other.exportConversation(id)).toEqual(exported);
    expect(conversationToMarkdown(markdownToConversation(markdown), { timeZone: 'UTC' })).toBe(conversationToMarkdown(exported, { timeZone: 'UTC', attachmentHref: await inlineLinks(exported, createAttachmentFiles(dataDir)) }));
    store.close();
    other.close();
  });
});
