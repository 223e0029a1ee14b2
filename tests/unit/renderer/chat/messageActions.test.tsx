// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL };
});
afterEach(cleanup);

type User = ReturnType<typeof userEvent.setup>;

const log = () => screen.getByRole('log', { name: 'Conversation' });
const articles = (name: 'You' | 'Assistant') => within(log()).queryAllByRole('article', { name });
const last = (name: 'You' | 'Assistant') => {
  const found = articles(name).at(-1);
  if (!found) throw new Error(`no ${name} message`);
  return found;
};
const button = (article: HTMLElement, name: string) => within(article).getByRole('button', { name });

async function openChat(): Promise<User> {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  return userEvent.setup();
}

/** Sends `text` and lets the scripted model answer `answer`. */
async function exchange(user: User, text: string, answer: string) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
  await waitFor(() => expect(api.lastChat.request.messages.at(-1)?.content).toBe(text));
  api.lastChat.delta(answer);
  api.lastChat.end();
  await waitFor(() => expect(last('Assistant').getAttribute('aria-busy')).toBe('false'));
}

describe('message actions', () => {
  it('Regenerate asks again for the answer, keeping the first as version 1 of 2', async () => {
    const user = await openChat();
    await exchange(user, 'Name a bird', 'A pelican.');
    const first = last('Assistant').dataset.messageId;

    await user.click(button(last('Assistant'), 'Regenerate'));
    expect(api.lastChat.request.messages).toEqual([{ role: 'user', content: 'Name a bird' }]);
    expect(api.lastChat.request.history?.turn).toEqual({ kind: 'regenerate', answerId: first });
    expect(api.lastChat.request.history?.answerId).toBe(last('Assistant').dataset.messageId);
    api.lastChat.delta('A heron.');
    api.lastChat.end();

    await waitFor(() => expect(last('Assistant').textContent).toContain('A heron.'));
    await waitFor(() => expect(last('Assistant').getAttribute('aria-busy')).toBe('false'));
    expect(articles('Assistant')).toHaveLength(1);
    expect(within(last('Assistant')).getByLabelText('Version 2 of 2').textContent).toContain('2/2');
    expect(button(last('Assistant'), 'Next version')).toHaveProperty('disabled', true);
    await user.click(button(last('Assistant'), 'Previous version'));
    await waitFor(() => expect(last('Assistant').textContent).toContain('A pelican.'));
    expect(last('Assistant').textContent).not.toContain('A heron.');
    expect(within(last('Assistant')).getByLabelText('Version 1 of 2')).toBeTruthy();
    await user.click(button(last('Assistant'), 'Next version'));
    await waitFor(() => expect(last('Assistant').textContent).toContain('A heron.'));
  });

  it('Edit on an earlier question starts a branch; switching versions shows each branch whole', async () => {
    const user = await openChat();
    await exchange(user, 'Name a bird', 'A pelican.');
    await exchange(user, 'And a fish?', 'A cod.');
    const question = articles('You')[0] as HTMLElement;

    await user.click(button(question, 'Edit'));
    const box = within(question).getByRole('textbox', { name: 'Edit message' });
    expect(box).toHaveProperty('value', 'Name a bird');
    await user.click(button(question, 'Cancel'));
    expect(within(question).queryByRole('textbox')).toBeNull();
    expect(api.chats).toHaveLength(2);

    await user.click(button(question, 'Edit'));
    await user.clear(within(question).getByRole('textbox', { name: 'Edit message' }));
    await user.type(within(question).getByRole('textbox', { name: 'Edit message' }), 'Name a sea bird');
    await user.click(button(question, 'Save and send'));
    expect(api.lastChat.request.messages).toEqual([{ role: 'user', content: 'Name a sea bird' }]);
    expect(api.lastChat.request.history?.turn).toMatchObject({ kind: 'edit', userMessageId: question.dataset.messageId });
    api.lastChat.delta('A gannet.');
    api.lastChat.end();

    await waitFor(() => expect(last('Assistant').textContent).toContain('A gannet.'));
    expect(articles('You').map((article) => article.textContent)).toEqual([expect.stringContaining('Name a sea bird')]);
    expect(within(last('You')).getByLabelText('Version 2 of 2')).toBeTruthy();
    await user.click(button(last('You'), 'Previous version'));
    // The old question comes back with everything that followed it.
    await waitFor(() => expect(articles('Assistant').map((article) => article.textContent)).toEqual([expect.stringContaining('A pelican.'), expect.stringContaining('A cod.')]));
    expect(articles('You')[0]?.textContent).toContain('Name a bird');
    expect(api.callsTo('showBranch')).toEqual([[{ conversationId: api.lastChat.request.history?.conversationId, messageId: question.dataset.messageId }]]);
  });

  it('offers Regenerate on every answer and Edit on every question, and neither while an answer streams', async () => {
    const user = await openChat();
    await exchange(user, 'one', 'first');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'two{Enter}');
    await waitFor(() => expect(api.chats).toHaveLength(2));
    expect(within(log()).queryByRole('button', { name: 'Regenerate' })).toBeNull();
    expect(within(log()).queryByRole('button', { name: 'Edit' })).toBeNull();
    api.lastChat.delta('second');
    api.lastChat.end();

    await waitFor(() => expect(within(log()).getAllByRole('button', { name: 'Regenerate' })).toHaveLength(2));
    expect(within(log()).getAllByRole('button', { name: 'Edit' })).toHaveLength(2);
  });

  it('Copy puts the shown version’s Markdown on the clipboard and says "Copied"', async () => {
    const user = await openChat();
    await exchange(user, 'Show code', 'Here:\n\n```js\nlet x = 1;\n```');
    await user.click(button(last('Assistant'), 'Copy'));
    expect(await navigator.clipboard.readText()).toBe('Here:\n\n```js\nlet x = 1;\n```');
    expect(button(last('Assistant'), 'Copied')).toBeTruthy();
    await user.click(button(last('You'), 'Copy'));
    expect(await navigator.clipboard.readText()).toBe('Show code');
  });

  it('Delete takes the message out at once and Undo brings it back, with nothing deleted in history', async () => {
    const user = await openChat();
    await exchange(user, 'Name a bird', 'A pelican.');

    await user.click(button(last('Assistant'), 'Delete'));
    expect(articles('Assistant')).toHaveLength(0);
    expect(screen.getByText('Message deleted').getAttribute('role')).toBe('status');
    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(last('Assistant').textContent).toContain('A pelican.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(api.callsTo('deleteMessage')).toEqual([]);
  });

  it('deletes in history once the Undo has passed: here, when the next message is deleted', async () => {
    const user = await openChat();
    await exchange(user, 'Name a bird', 'A pelican.');
    const answerId = last('Assistant').dataset.messageId;
    const questionId = last('You').dataset.messageId;
    const conversationId = api.lastChat.request.history?.conversationId;

    const reads = api.callsTo('getConversation').length;
    await user.click(button(last('Assistant'), 'Delete'));
    await user.click(button(last('You'), 'Delete'));

    await waitFor(() => expect(api.callsTo('deleteMessage')).toEqual([[{ conversationId, messageId: answerId }]]));
    expect(api.history.get(conversationId as string).messages.map((m) => m.content)).toEqual(['Name a bird']);
    // The delete's answer is the conversation main kept: one call, not a second read.
    expect(api.callsTo('getConversation')).toHaveLength(reads);
    // The question waits for its own Undo.
    expect(articles('You')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(last('You').dataset.messageId).toBe(questionId);
    expect(articles('Assistant')).toHaveLength(0);
  });

  it('brings the message back when history could not delete it, and says why', async () => {
    const user = await openChat();
    await exchange(user, 'Name a bird', 'A pelican.');
    api.failNext('deleteMessage', { code: 'internal', message: 'The disk is full.' });
    await user.click(button(last('Assistant'), 'Delete'));
    // Deleting another message ends the first one's Undo: its delete goes to history, which refuses it.
    await user.click(button(last('You'), 'Delete'));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not delete the message: The disk is full.');
    expect(last('Assistant').textContent).toContain('A pelican.');
  });

  it('shows where a stored conversation has other versions, ‹ n/m › at that point', async () => {
    const answerIds = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    api.history.seed({
      title: 'Birds',
      model: MODEL,
      messages: [storedMessage({ role: 'user', content: 'Name a bird' }), storedMessage({ id: answerIds[2], role: 'assistant', content: 'Third try.', siblings: answerIds })],
    });
    const user = await openChat();
    await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: 'Birds' }));

    const answer = await waitFor(() => {
      expect(last('Assistant').textContent).toContain('Third try.');
      return last('Assistant');
    });
    expect(within(answer).getByLabelText('Version 3 of 3')).toBeTruthy();
    expect(button(answer, 'Next version')).toHaveProperty('disabled', true);
    expect(button(answer, 'Previous version')).toHaveProperty('disabled', false);
  });
});
