import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import { mapNodes } from '../../../../main/export/exportTree';
import type { ExportConversation, ExportMessage, ExportNode } from '../../../../main/export/types';
import { conversation as randomConversation } from '../export/arbitraries';
import { sampleConversation, sampleMessage } from '../export/sample';
import { openStore } from './support/openStore';
import { checkSearchIndex, conversationInput, manualClock, ok, useTempDir } from './support/tempHistory';

const tempDir = useTempDir();
const clock = manualClock();

/** A conversation with fresh ids, as Parley makes them. */
function conversationWith(over: Partial<ExportConversation> = {}, texts = ['How do I sort a list?', 'Use `sorted()`.']): ExportConversation {
  const messages = texts.map((content, n) => sampleMessage({ id: randomUUID(), role: n % 2 ? 'assistant' : 'user', content, createdAt: 1_000 * n }));
  return sampleConversation({ id: randomUUID(), messages, ...over });
}

const unmark = (text: string): string => text.replace(/[\uFDD0\uFDD1]/gu, '');

/**
 * What the store keeps of an export, by design: no search markers (reserved for snippets) in the
 * searched texts (title, content, reasoning, tool calls' arguments and results), no answer still
 * streaming, empty parameters and empty lists of earlier versions left out. Other fields (a
 * model's name, an error's words) are kept exactly as they came.
 */
function asStored(c: ExportConversation): ExportConversation {
  const stored = <N extends ExportNode>(m: N): N => {
    const node: N = { ...m, content: unmark(m.content), reasoning: unmark(m.reasoning), status: m.status === 'streaming' ? 'interrupted' : m.status };
    if (m.toolCalls) node.toolCalls = m.toolCalls.map((call) => ({ ...call, arguments: unmark(call.arguments), resultText: call.resultText === null ? null : unmark(call.resultText) }));
    if (Object.keys(m.params ?? {}).length === 0) delete node.params;
    return node;
  };
  return { ...c, title: unmark(c.title), messages: mapNodes(c.messages, stored) };
}

/** Fresh ids, as Parley makes them, for every message on every branch. */
const withFreshIds = (c: ExportConversation): ExportConversation => ({
  ...c,
  id: randomUUID(),
  messages: mapNodes(c.messages, (m) => ({ ...m, id: randomUUID() })),
});

describe('history import and export', () => {
  it('stores any conversation exactly, so exporting it again gives the same bytes', async () => {
    const { store, db } = await openStore(tempDir(), clock.now);
    fc.assert(
      fc.property(fc.array(randomConversation, { minLength: 1, maxLength: 4 }), (generated) => {
        // Ids as Parley makes them: unique, so every conversation is stored.
        const conversations = generated.map(withFreshIds);
        expect(store.importConversations(conversations, 'skip')).toEqual(conversations.map(() => null));
        for (const c of conversations) {
          const stored = store.exportConversation(c.id);
          expect(stored).toEqual(asStored(c));
          expect(conversationToMarkdown(stored as ExportConversation, { timeZone: 'UTC' })).toBe(conversationToMarkdown(asStored(c), { timeZone: 'UTC' }));
        }
      }),
      { numRuns: 60, seed: -295725164 /* fixed, so every run answers the same; it once found a marker in an error kept, rightly */ },
    );
    expect(ok(db)).toBe('ok');
    checkSearchIndex(db);
    store.close();
  });

  it('carries regenerated answers and edited questions through Markdown, byte for byte', async () => {
    const { store } = await openStore(tempDir(), clock.now);
    const { id } = store.createConversation(conversationInput('Birds'));
    const question = store.addUserMessage(id, { content: 'Name a bird', model: 'model-a', params: {} });
    const DONE = { status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2 } as const;
    store.startAnswer(id, { model: 'model-a', params: {} }).finish(DONE);
    // The edit starts a branch (the first answer stays on the old one); its answer is then regenerated.
    store.editUserMessage(id, question.id, { content: 'Name a sea bird', model: 'model-a', params: {} });
    store.startAnswer(id, { model: 'model-a', params: {} }).finish(DONE);
    const [, first] = store.getConversation(id)?.messages ?? [];
    const second = store.regenerateAnswer(id, first?.id as string, { model: 'model-b', params: {} });
    second.append({ content: 'A gannet.' });
    second.finish(DONE);
    const markdown = conversationToMarkdown(store.exportConversation(id) as ExportConversation, { timeZone: 'UTC' });
    expect(markdown).toContain('Earlier answers (1)');
    expect(markdown).toContain('Earlier versions (1)');

    const { store: other } = await openStore(tempDir(), clock.now);
    expect(other.importConversations([markdownToConversation(markdown)], 'skip')).toEqual([null]);
    expect(conversationToMarkdown(other.exportConversation(id) as ExportConversation, { timeZone: 'UTC' })).toBe(markdown);
    expect(other.getConversation(id)?.messages.map((m) => m.versions?.map((v) => v.content))).toEqual([['Name a bird'], ['']]);
    store.close();
    other.close();
  });

  it('lists every live conversation for "Export all", and keeps a new one’s endpoint', async () => {
    const { store } = await openStore(tempDir(), clock.now);
    const kept = store.createConversation({ ...conversationInput('kept'), endpoint: 'http://127.0.0.1:8080/v1' });
    const deleted = store.createConversation(conversationInput('deleted'));
    store.deleteConversation(deleted.id);
    expect(store.conversationIds()).toEqual([kept.id]);
    expect(store.exportConversation(kept.id)).toMatchObject({ endpoint: 'http://127.0.0.1:8080/v1', messages: [] });
    expect(store.exportConversation(deleted.id)).toBeNull();
    store.close();
  });

  it('skips or replaces a conversation already stored, as the user chose', async () => {
    const { store } = await openStore(tempDir(), clock.now);
    const original = conversationWith({ title: 'Original' });
    store.importConversations([original], 'skip');
    const edited = { ...original, title: 'Edited', messages: [...original.messages, sampleMessage({ id: randomUUID(), content: 'One more' })] };

    expect(store.importConversations([edited], 'skip')).toEqual(['it is already in your history (kept as it is).']);
    expect(store.exportConversation(original.id)).toEqual(original);

    expect(store.importConversations([edited], 'replace')).toEqual([null]);
    expect(store.exportConversation(original.id)).toEqual(edited);
    expect(store.search('One more').map((hit) => hit.conversationId)).toEqual([original.id]);
    store.close();
  });

  it('brings back a deleted conversation, takes the first of two with one id, and refuses message ids stored elsewhere', async () => {
    const { store } = await openStore(tempDir(), clock.now);
    const deleted = conversationWith({ title: 'Deleted' });
    const other = conversationWith({ title: 'Other' });
    store.importConversations([deleted, other], 'skip');
    store.deleteConversation(deleted.id);
    const twice = conversationWith({ title: 'Twice' });
    const borrowing = conversationWith({ title: 'Borrowing', messages: [other.messages[0] as ExportMessage] });

    expect(store.importConversations([deleted, twice, { ...twice, title: 'Second copy' }, borrowing], 'skip')).toEqual([
      null,
      null,
      'it appears more than once in this import; the first is used.',
      `its message ${other.messages[0]?.id} is already stored in another conversation.`,
    ]);
    expect(store.exportConversation(deleted.id)).toEqual(deleted);
    expect(store.exportConversation(twice.id)?.title).toBe('Twice');
    expect(store.exportConversation(borrowing.id)).toBeNull();
    store.close();
  });

  it('changes nothing when a write fails midway', async () => {
    const { store, db } = await openStore(tempDir(), clock.now);
    const existing = conversationWith({ title: 'Existing' });
    store.importConversations([existing], 'skip');
    // A real SQLite failure on the third conversation's message, after the first two were written.
    db.exec("CREATE TRIGGER fail_import BEFORE INSERT ON messages WHEN new.content = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const batch = [{ ...existing, title: 'Replaced' }, conversationWith({ title: 'New' }), conversationWith({ title: 'Fails' }, ['boom'])];

    expect(() => store.importConversations(batch, 'replace')).toThrow('disk full');
    expect(store.conversationIds()).toEqual([existing.id]);
    expect(store.exportConversation(existing.id)).toEqual(existing);
    expect(ok(db)).toBe('ok');
    checkSearchIndex(db);
    store.close();
  });
});
