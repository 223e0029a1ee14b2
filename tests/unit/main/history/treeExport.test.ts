import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import type { Attachment, ToolCallRecord } from '../../../../shared/ipc';
import { backupToJson, createBackup, parseBackup } from '../../../../main/export/backup';
import type { ExportConversation } from '../../../../main/export/types';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { inlineLinks } from '../../../../main/export/exportAttachments';
import { everyNode } from '../../../../main/export/exportTree';
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

function answer(store: HistoryStore, id: string, content: string, regenerating?: string, call?: ToolCallRecord): string {
  clock.advance(1_000);
  const writer = regenerating ? store.regenerateAnswer(id, regenerating, { model: 'model-a', params: {} }) : store.startAnswer(id, { model: 'model-a', params: {} });
  if (call) writer.recordToolCall(call);
  writer.append({ content });
  return writer.finish(DONE).id;
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
  answer(store, id, 're: three, with notes', reThree, toolCall('notes'));
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

  it('for any sends, edits, regenerations, switches and deletes, a backup and a Markdown export each bring back the same tree', async () => {
    const source = tempDir();
    const { store, db } = await openStore(source, clock.now);
    const files = createAttachmentFiles(source);
    const image = await files.save('chart.png', PIXEL_PNG);
    const targets = await Promise.all(['json', 'markdown'].map(async () => {
      const dataDir = tempDir();
      return { ...(await openStore(dataDir, clock.now)), files: createAttachmentFiles(dataDir) };
    }));
    const [fromJson, fromMarkdown] = targets as [(typeof targets)[number], (typeof targets)[number]];
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('send' as const, 'edit' as const, 'regenerate' as const), extra: fc.boolean(), at: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('switch' as const), at: fc.nat(), step: fc.constantFrom(-1, 1) }) },
      // A delete takes a message on the path or one of its hidden versions, with the branch after it: rarer, as it can take everything.
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), hidden: fc.boolean() }) },
    );

    let withBranches = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 20, size: 'max' }), async (ops) => {
        const { id } = store.createConversation(conversationInput('Random'));
        let label = 0;
        for (const step of ops) {
          const path = store.getConversation(id)?.messages ?? [];
          const pick = <T,>(list: readonly T[]): T | undefined => list[step.at % Math.max(list.length, 1)];
          const ofRole = (role: 'user' | 'assistant') => path.filter((m) => m.role === role);
          // Questions sometimes carry a photo; answers sometimes used a tool that returned an image.
          const attachment = 'extra' in step && step.extra ? image : undefined;
          const call = 'extra' in step && step.extra ? { ...toolCall(`result ${label}`), resultImages: [image] } : undefined;
          if (step.kind === 'send') {
            ask(store, id, `q${label++}`, undefined, attachment);
            answer(store, id, `a${label++}`, undefined, call);
          } else if (step.kind === 'edit') {
            const target = pick(ofRole('user'));
            if (!target) continue;
            ask(store, id, `q${label++}`, target.id, attachment);
            answer(store, id, `a${label++}`, undefined, call);
          } else if (step.kind === 'regenerate') {
            const target = pick(ofRole('assistant'));
            if (target) answer(store, id, `a${label++}`, target.id, call);
          } else if (step.kind === 'switch') {
            const target = pick(path.filter((m) => m.siblings));
            const siblings = target?.siblings ?? [];
            if (target) store.showBranch(id, siblings[(siblings.indexOf(target.id) + step.step + siblings.length) % siblings.length] as string);
          } else if (step.kind === 'delete') {
            const target = pick(step.hidden ? path.flatMap((m) => m.versions ?? []) : path);
            if (target) store.deleteMessage(id, target.id);
          }
        }
        const exported = store.exportConversation(id) as ExportConversation;
        if (everyNode(exported.messages).some((node) => 'continuation' in node)) withBranches++;
        const backup = backupToJson(createBackup({ conversations: [exported], prompts: [], settings: DEFAULT_SETTINGS, now: clock.now() }));
        expect(fromJson.store.importConversations(parseBackup(backup).conversations, 'skip')).toEqual([null]);
        const markdown = conversationToMarkdown(exported, { attachmentHref: await inlineLinks(exported, files) });
        expect(await importFiles([{ name: 'Random.md', content: markdown }], 'skip', fromMarkdown.store.importConversations, fromMarkdown.files)).toEqual({ imported: [{ id, title: 'Random' }], skipped: [] });
        for (const target of [fromJson, fromMarkdown]) {
          expect(treeSnapshot(target.db, id)).toEqual(treeSnapshot(db, id));
          checkTree(target.db, id);
        }
      }),
      { numRuns: 40, seed: 19 },
    );
    // The generator makes what the test is about: hidden versions that the conversation went on from.
    expect(withBranches).toBeGreaterThan(20);
    store.close();
    for (const target of targets) target.store.close();
  });
});
