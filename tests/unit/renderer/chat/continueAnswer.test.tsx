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
const last = (name: 'You' | 'Assistant') => {
  const found = within(log()).queryAllByRole('article', { name }).at(-1);
  if (!found) throw new Error(`no ${name} message`);
  return found;
};
const continueButtons = () => within(log()).queryAllByRole('button', { name: 'Continue' });

async function openChat(): Promise<User> {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  return userEvent.setup();
}

/** Sends `text`, lets the scripted model write `answer`, and ends the stream with `ending`. */
async function exchange(user: User, text: string, answer: string, ending: (chat: ScriptedParley['lastChat']) => void) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
  await waitFor(() => expect(api.lastChat.request.messages.at(-1)?.content).toBe(text));
  api.lastChat.delta(answer);
  ending(api.lastChat);
  await waitFor(() => expect(last('Assistant').getAttribute('aria-busy')).toBe('false'));
}

describe('Continue', () => {
  it('goes on with an answer cut at the length limit, sending the path with the answer as its last message, into the same answer', async () => {
    const user = await openChat();
    await exchange(user, 'Write a poem', 'Roses are red,', (chat) => chat.end({ finishReason: 'length', usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 } }));
    const answer = last('Assistant');
    expect(answer.textContent).toContain('Stopped at the length limit');

    await user.click(within(answer).getByRole('button', { name: 'Continue' }));
    expect(api.lastChat.request.messages).toEqual([
      { role: 'user', content: 'Write a poem' },
      { role: 'assistant', content: 'Roses are red,' },
    ]);
    expect(api.lastChat.request.history).toEqual({ conversationId: expect.any(String), answerId: answer.dataset.messageId, turn: { kind: 'continue' } });
    await waitFor(() => expect(last('Assistant').getAttribute('aria-busy')).toBe('true'));
    expect(continueButtons()).toHaveLength(0);
    api.lastChat.delta(' violets are blue.');
    api.lastChat.end({ usage: { promptTokens: 8, completionTokens: 4, totalTokens: 12 } });

    await waitFor(() => expect(last('Assistant').getAttribute('aria-busy')).toBe('false'));
    const articles = within(log()).getAllByRole('article', { name: 'Assistant' });
    expect(articles).toHaveLength(1);
    expect(articles[0]?.dataset.messageId).toBe(answer.dataset.messageId);
    expect(articles[0]?.textContent).toContain('Roses are red, violets are blue.');
    expect(articles[0]?.textContent).not.toContain('length limit');
    expect(continueButtons()).toHaveLength(0);
  });

  it('offers Continue on an answer the person stopped, and not on one that ended well', async () => {
    const user = await openChat();
    await exchange(user, 'one', 'Complete.', (chat) => chat.end());
    expect(continueButtons()).toHaveLength(0);

    await exchange(user, 'two', 'Half of', (chat) => chat.end({ status: 'stopped', finishReason: null }));
    expect(last('Assistant').textContent).toContain('Stopped');
    expect(within(last('Assistant')).getAllByRole('button', { name: 'Continue' })).toHaveLength(1);
  });

  it('puts Continue beside Retry in the callout of an answer cut by a dropped connection, and keeps the text when the continuation fails', async () => {
    const user = await openChat();
    await exchange(user, 'Tell me', 'The first part', (chat) => chat.fail({ code: 'dropped', message: 'The connection dropped before the answer was complete.' }));
    const callout = within(last('Assistant')).getByText('The connection dropped').closest('.callout') as HTMLElement;
    expect(within(callout).getAllByRole('button').map((button) => button.textContent)).toEqual(['Continue', 'Retry']);
    // A single Continue: the callout's, not a second one in the action row.
    expect(continueButtons()).toHaveLength(1);

    await user.click(within(callout).getByRole('button', { name: 'Continue' }));
    expect(api.lastChat.request.messages.at(-1)).toEqual({ role: 'assistant', content: 'The first part' });
    api.lastChat.fail({ code: 'dropped', message: 'The connection dropped before the answer was complete.' });
    await waitFor(() => expect(last('Assistant').getAttribute('aria-busy')).toBe('false'));
    expect(last('Assistant').textContent).toContain('The first part');
    expect(continueButtons()).toHaveLength(1);
  });

  it('offers Continue on an answer Parley closed on, in a conversation from history', async () => {
    api.history.seed({
      title: 'Cut',
      model: MODEL,
      messages: [storedMessage({ role: 'user', content: 'Explain' }), storedMessage({ role: 'assistant', content: 'Well, first', status: 'interrupted', finishReason: null })],
    });
    const user = await openChat();
    await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: 'Cut' }));
    await waitFor(() => expect(last('Assistant').textContent).toContain('Well, first'));
    await user.click(within(last('Assistant')).getByRole('button', { name: 'Continue' }));
    expect(api.lastChat.request.messages.at(-1)).toEqual({ role: 'assistant', content: 'Well, first' });
  });
});
