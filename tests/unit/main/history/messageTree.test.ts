import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../main/appFailure';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { DONE, useFreshStore, type OpenedTestStore } from './support/openStore';
import { checkSearchIndex, conversationInput, ok } from './support/tempHistory';
import { checkTree as checkTreeOf } from './support/treeChecks';

let clock: OpenedTestStore['clock'];
let store: HistoryStore;
let db: Db;
useFreshStore((opened) => ({ store, db, clock } = opened));

const finished = (writer: ReturnType<HistoryStore['startAnswer']>, content: string) => {
  writer.append({ content });
  return writer.finish(DONE);
};

/** A conversation of `questions.length` turns, each answered "re: question". */
function conversationOf(...questions: string[]) {
  const { id } = store.createConversation(conversationInput());
  for (const question of questions) {
    store.addUserMessage(id, { content: question, model: 'model-a', params: {} });
    finished(store.startAnswer(id, { model: 'model-a', params: {} }), `re: ${question}`);
  }
  return id;
}

const shown = (id: string) => store.getConversation(id)?.messages ?? [];
const contents = (id: string) => shown(id).map((message) => message.content);
const idOf = (id: string, content: string) => shown(id).find((message) => message.content === content)?.id as string;

const checkTree = (conversationId: string): void => checkTreeOf(db, conversationId);

describe('the conversation tree', () => {
  it('regenerating any answer adds a sibling shown in its place; the old one keeps the turns after it', () => {
    const id = conversationOf('one', 'two', 'three');
    const first = idOf(id, 're: one');
    clock.advance(1000);
    const writer = store.regenerateAnswer(id, first, { model: 'model-b', params: {} });
    // While it streams, the path ends at the new answer.
    expect(shown(id).map((m) => [m.content, m.status])).toEqual([['one', 'complete'], ['', 'streaming']]);
    finished(writer, 'again: one');
    const [question, answer] = shown(id);
    expect(answer).toMatchObject({ content: 'again: one', model: 'model-b', siblings: [first, writer.message.id] });
    expect(answer?.versions?.map((v) => v.content)).toEqual(['re: one']);
    expect(question?.siblings).toBeUndefined();

    store.showBranch(id, first);
    expect(contents(id)).toEqual(['one', 're: one', 'two', 're: two', 'three', 're: three']);
    store.showBranch(id, writer.message.id);
    expect(contents(id)).toEqual(['one', 'again: one']);
    checkTree(id);
    checkSearchIndex(db);
  });

  it('editing any question starts a branch with the new text and its attachments; switching shows each branch whole', () => {
    const id = conversationOf('one', 'two', 'three', 'four');
    const two = idOf(id, 'two');
    const attachment = { file: `${'a'.repeat(64)}.png`, name: 'bird.png', kind: 'image', mimeType: 'image/png', bytes: 3 } as const;
    const edited = store.editUserMessage(id, two, { content: 'two, edited', model: 'model-a', params: {}, attachments: [attachment] });
    finished(store.startAnswer(id, { model: 'model-a', params: {} }), 're: two, edited');
    expect(contents(id)).toEqual(['one', 're: one', 'two, edited', 're: two, edited']);
    expect(shown(id)[2]).toMatchObject({ id: edited.id, siblings: [two, edited.id], attachments: [attachment] });

    store.showBranch(id, two);
    expect(contents(id)).toEqual(['one', 're: one', 'two', 're: two', 'three', 're: three', 'four', 're: four']);
    // Each branch point remembers the continuation last shown under it.
    store.regenerateAnswer(id, idOf(id, 're: three'), { model: 'model-a', params: {} }).finish(DONE);
    store.showBranch(id, edited.id);
    store.showBranch(id, two);
    expect(contents(id)).toEqual(['one', 're: one', 'two', 're: two', 'three', '']);
    expect(store.listConversations()[0]?.messageCount).toBe(6);
    checkTree(id);
  });

  it('lists the other versions at every branch point of the path, the first question\'s too, and none off the path', () => {
    const id = conversationOf('one', 'two', 'three');
    const one = idOf(id, 'one');
    finished(store.regenerateAnswer(id, idOf(id, 're: three'), { model: 'model-a', params: {} }), 'again: three');
    store.editUserMessage(id, one, { content: 'one, edited', model: 'model-a', params: {} });
    finished(store.startAnswer(id, { model: 'model-a', params: {} }), 're: one, edited');
    store.showBranch(id, one);

    expect(shown(id).map((message) => [message.content, message.versions?.map((version) => version.content)])).toEqual([
      ['one', ['one, edited']],
      ['re: one', undefined],
      ['two', undefined],
      ['re: two', undefined],
      ['three', undefined],
      ['again: three', ['re: three']],
    ]);
  });

  it('deleting a message deletes its branch; the chosen remaining version takes its place', () => {
    const id = conversationOf('one', 'two');
    const original = idOf(id, 're: one');
    finished(store.regenerateAnswer(id, original, { model: 'model-a', params: {} }), 'again: one');
    store.showBranch(id, original);
    expect(store.deleteMessage(id, original)).toBe(true);
    expect(store.deleteMessage(id, original)).toBe(false);
    expect(contents(id)).toEqual(['one', 'again: one']);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
    expect(store.search('two')).toEqual([]);
    checkTree(id);

    expect(store.deleteMessage(id, idOf(id, 'one'))).toBe(true);
    expect(contents(id)).toEqual([]);
    expect(ok(db)).toBe('ok');
    checkSearchIndex(db);
  });

  it('finds text on every branch, counts every version in usage, and refuses what cannot be replaced', () => {
    const id = conversationOf('one');
    const original = idOf(id, 're: one');
    finished(store.regenerateAnswer(id, original, { model: 'model-a', params: {} }), 'again: one');
    expect(store.search('re: one').map((hit) => hit.messageId)).toEqual([original]);
    expect(store.modelUsage(0)).toEqual([{ model: 'model-a', answers: 2, promptTokens: 10, completionTokens: 14 }]);

    const streaming = store.startAnswer(id, { model: 'model-a', params: {} });
    expect(() => store.regenerateAnswer(id, streaming.message.id, { model: 'm', params: {} })).toThrow(/still being written/);
    expect(() => store.regenerateAnswer(id, idOf(id, 'one'), { model: 'm', params: {} })).toThrow(AppFailure);
    expect(() => store.editUserMessage(id, original, { content: 'x', model: 'm', params: {} })).toThrow(AppFailure);
    // A hidden message is not replaced in place: its branch is shown first.
    expect(() => store.regenerateAnswer(id, original, { model: 'm', params: {} })).toThrow(AppFailure);
    expect(() => store.showBranch(id, crypto.randomUUID())).toThrow(AppFailure);
    expect(shown(id)).toHaveLength(3);
  });

  it('for any edits, regenerations, switches and deletes, shows the path a person would expect', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('send' as const) }),
      fc.record({ kind: fc.constantFrom('edit' as const, 'regenerate' as const, 'delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('switch' as const), at: fc.nat(), step: fc.constantFrom(-1, 1) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const { id } = store.createConversation(conversationInput());
        // The model: each node's parent, and each parent's children, the most recently shown first.
        const parents = new Map<string, string | null>();
        const recency = new Map<string | null, string[]>();
        const shownFirst = (node: string) => {
          const siblings = recency.get(parents.get(node) ?? null) ?? [];
          recency.set(parents.get(node) ?? null, [node, ...siblings.filter((other) => other !== node)]);
        };
        const add = (node: string, parent: string | null) => {
          parents.set(node, parent);
          shownFirst(node);
        };
        const expectedPath = (): string[] => {
          const path: string[] = [];
          for (let next = recency.get(null)?.[0]; next; next = recency.get(next)?.[0]) path.push(next);
          return path;
        };
        const showModel = (node: string) => {
          for (let at: string | null = node; at !== null; at = parents.get(at) ?? null) shownFirst(at);
        };
        const removeModel = (node: string) => {
          for (const child of recency.get(node) ?? []) removeModel(child);
          recency.delete(node);
          const parent = parents.get(node) ?? null;
          recency.set(parent, (recency.get(parent) ?? []).filter((other) => other !== node));
          parents.delete(node);
        };
        let label = 0;
        const answer = (parent: string) => add(finished(store.startAnswer(id, { model: 'm', params: {} }), `a${label++}`).id, parent);

        for (const step of ops) {
          const path = shown(id);
          const pick = (role: 'user' | 'assistant' | null, at: number) => {
            const candidates = path.filter((message) => role === null || message.role === role);
            return candidates.length ? candidates[at % candidates.length] : undefined;
          };
          if (step.kind === 'send') {
            const question = store.addUserMessage(id, { content: `q${label++}`, model: 'm', params: {} });
            add(question.id, path.at(-1)?.id ?? null);
            answer(question.id);
          } else if (step.kind === 'edit') {
            const target = pick('user', step.at);
            if (!target) continue;
            const edited = store.editUserMessage(id, target.id, { content: `q${label++}`, model: 'm', params: {} });
            add(edited.id, parents.get(target.id) ?? null);
            answer(edited.id);
          } else if (step.kind === 'regenerate') {
            const target = pick('assistant', step.at);
            if (!target) continue;
            const writer = store.regenerateAnswer(id, target.id, { model: 'm', params: {} });
            add(finished(writer, `a${label++}`).id, parents.get(target.id) ?? null);
          } else if (step.kind === 'switch') {
            const target = pick(null, step.at);
            const siblings = target?.siblings;
            if (!target || !siblings) continue;
            const other = siblings[(siblings.indexOf(target.id) + step.step + siblings.length) % siblings.length] as string;
            store.showBranch(id, other);
            showModel(other);
          } else {
            const target = pick(null, step.at);
            if (!target) continue;
            store.deleteMessage(id, target.id);
            removeModel(target.id);
          }
          expect(shown(id).map((message) => message.id)).toEqual(expectedPath());
          checkTree(id);
        }
      }),
      { numRuns: 60, seed: 19 },
    );
  });
});
