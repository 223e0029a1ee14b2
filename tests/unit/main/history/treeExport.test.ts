import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import type { ToolCallRecord } from '../../../../shared/ipc';
import { backupToJson, createBackup, parseBackup } from '../../../../main/export/backup';
import type { ExportConversation } from '../../../../main/export/types';
import type { HistoryStore } from '../../../../main/history/historyStore';
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

function answer(store: HistoryStore, id: string, content: string, regenerating?: string): void {
  clock.advance(1_000);
  const writer = regenerating ? store.regenerateAnswer(id, regenerating, { model: 'model-a', params: {} }) : store.startAnswer(id, { model: 'model-a', params: {} });
  writer.append({ content });
  writer.finish(DONE);
}

function ask(store: HistoryStore, id: string, content: string, editing?: string): string {
  clock.advance(1_000);
  const input = { content, model: 'model-a', params: {}, ...(content.includes('photo') ? { attachments: [photo] } : {}) };
  return (editing ? store.editUserMessage(id, editing, input) : store.addUserMessage(id, input)).id;
}

const shownTexts = (store: HistoryStore, id: string) => store.getConversation(id)?.messages.map((m) => m.content);

/**
 * Questions one, two (with a photo) and three, answered; "re: three" regenerated with a tool call;
 * then question two edited and answered twice; the edited branch is the one shown.
 */
function branchyConversation(store: HistoryStore): { id: string; two: string } {
  const { id } = store.createConversation(conversationInput('Birds'));
  ask(store, id, 'one');
  answer(store, id, 're: one');
  const two = ask(store, id, 'two, with a photo');
  answer(store, id, 're: two');
  ask(store, id, 'three');
  answer(store, id, 're: three');
  const reThree = store.getConversation(id)?.messages.at(-1)?.id as string;
  clock.advance(1_000);
  const again = store.regenerateAnswer(id, reThree, { model: 'model-b', params: {} });
  again.recordToolCall(toolCall('notes'));
  again.append({ content: 're: three, with notes' });
  again.finish(DONE);
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
});
