/**
 * `history:deleteMessage` through the real bridge, services and SQLite file (web mode): it answers
 * with the conversation as main kept it, so the page shows it without asking again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHistory } from '../../../../shared/ipc';
import type { ParleyApi } from '../../../../shared/ipc/client';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { webModeApi } from '../export/webModeApi';

let harness: WebModeHarness;
let api: ParleyApi;
beforeAll(async () => {
  harness = await startWebModeHarness();
  api = await webModeApi(harness);
});
afterAll(() => harness.close());

/** Sends one saved turn to the fake echo model; resolves when its answer is kept. */
async function turn(conversationId: string, content: string, kind: ChatHistory['turn'], answerId = randomUUID()) {
  const history: ChatHistory = { conversationId, answerId, turn: kind };
  const result = await api.chat({ model: 'fake/echo', systemPrompt: '', messages: [{ role: 'user', content }], history }, () => undefined).done;
  expect(result.status).toBe('complete');
  return answerId;
}

describe('deleting a message', () => {
  it('answers with the conversation as main kept it: the turns after it gone, the other version in its place', async () => {
    const id = randomUUID();
    await api.createConversation({ id, model: 'fake/echo', systemPrompt: '' });
    const first = await turn(id, 'one', { kind: 'new', userMessageId: randomUUID() });
    await turn(id, 'two', { kind: 'new', userMessageId: randomUUID() });
    const again = await turn(id, 'one', { kind: 'regenerate', answerId: first });
    await api.showBranch({ conversationId: id, messageId: first });

    const answer = await api.deleteMessage({ conversationId: id, messageId: first });

    expect(answer.deleted).toBe(true);
    expect(answer.conversation).toEqual(await api.getConversation({ id }));
    expect(answer.conversation.messages.map((message) => [message.role, message.id === again])).toEqual([
      ['user', false],
      ['assistant', true],
    ]);
    // Already gone: nothing deleted, the conversation as it is.
    const repeated = await api.deleteMessage({ conversationId: id, messageId: first });
    expect(repeated.deleted).toBe(false);
    expect(repeated.conversation.messages).toEqual(answer.conversation.messages);
  });

  it('refuses a conversation that is not there, as reading it does', async () => {
    await expect(api.deleteMessage({ conversationId: randomUUID(), messageId: randomUUID() })).rejects.toMatchObject({ code: 'invalid-request' });
  });
});
