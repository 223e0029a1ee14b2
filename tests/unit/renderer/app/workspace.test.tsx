// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { systemPromptField } from '../support/windowParts';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL, defaultSystemPrompt: 'Be brief.' };
});
afterEach(cleanup);

async function openApp() {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  // The composer's start-up read (its Tools control lists the servers) runs in an effect after
  // the first paint; let it go out so the calls a test counts are the ones its own steps made.
  await waitFor(() => expect(api.callsTo('listToolServers')).not.toEqual([]));
  return userEvent.setup();
}

async function send(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
}

/** A conversation in the sidebar, once the list (loaded or just added to) shows it. */
const sidebarButton = async (name: string) => within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name });
const log = () => screen.getByRole('log', { name: 'Conversation' });
const lastAnswer = () => {
  const answer = within(log()).getAllByRole('article', { name: 'Assistant' }).at(-1);
  if (!answer) throw new Error('no answer yet');
  return answer;
};
/** The top bar's menu (export, copy, counts): open once the conversation is saved. */
const moreButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'More' });

describe('saving the conversation', () => {
  it('sends a new chat’s first message in one call, which creates the conversation in history, then sends each turn with its ids', async () => {
    const user = await openApp();
    const before = api.calls.length;
    await send(user, 'Hello there');

    // The request is the first call, with none to wait for before it: main creates the conversation as it saves the question.
    const methods = api.calls.slice(before).map((call) => call.method);
    expect(methods[0]).toBe('chat');
    expect(methods).not.toContain('createConversation');
    const question = within(log()).getByRole('article', { name: 'You' });
    const { history } = api.lastChat.request;
    expect(history).toEqual({
      conversationId: expect.any(String),
      newConversation: true,
      answerId: lastAnswer().dataset.messageId,
      turn: { kind: 'new', userMessageId: question.dataset.messageId },
    });
    expect(api.lastChat.request).toMatchObject({ model: MODEL, systemPrompt: 'Be brief.', endpointId: 'wandb' });
    // The conversation shows in the sidebar as soon as main has it.
    expect(await sidebarButton('Hello there')).toBeTruthy();

    api.lastChat.end();
    await send(user, 'Again');
    await waitFor(() => expect(api.chats).toHaveLength(2));
    // Saved now: later turns only name it.
    expect(api.lastChat.request.history).toEqual(expect.objectContaining({ conversationId: history?.conversationId }));
    expect(api.lastChat.request.history?.newConversation).toBeUndefined();
    expect(api.callsTo('createConversation')).toEqual([]);
  });

  it('titles the conversation once, after its first complete answer, without holding up the composer', async () => {
    api.history.nextTitle = 'Greetings exchanged';
    const user = await openApp();
    await send(user, 'Hi');
    await waitFor(() => expect(api.chats).toHaveLength(1));
    api.lastChat.fail({ code: 'server', message: 'The server had a problem.' });
    await within(lastAnswer()).findByRole('alert');
    expect(api.callsTo('autoTitle')).toEqual([]);

    await user.click(within(lastAnswer()).getByRole('button', { name: 'Retry' }));
    api.lastChat.delta('Hello!');
    api.lastChat.end();
    const id = api.lastChat.request.history?.conversationId;
    await waitFor(() => expect(api.callsTo('autoTitle')).toEqual([[{ id }]]));
    expect(await sidebarButton('Greetings exchanged')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Greetings exchanged');

    await send(user, 'More');
    api.lastChat.end();
    await waitFor(() => expect(lastAnswer().getAttribute('aria-busy')).toBe('false'));
    expect(api.callsTo('autoTitle')).toHaveLength(1);
  });

  it('keeps the question and offers Retry when the conversation cannot be saved, then sends it as new', async () => {
    const user = await openApp();
    api.failNextTurn({ code: 'internal', message: 'The disk is full.' });
    await send(user, 'Keep me');
    expect((await within(lastAnswer()).findByRole('alert')).textContent).toContain('The disk is full.');
    expect(within(log()).getByRole('article', { name: 'You' }).textContent).toContain('Keep me');
    expect(api.chats).toEqual([]);
    // Main holds nothing of it: nothing to export or count yet.
    expect(moreButton().disabled).toBe(true);

    await user.click(within(lastAnswer()).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api.chats).toHaveLength(1));
    const question = within(log()).getByRole('article', { name: 'You' });
    expect(api.lastChat.request.history).toMatchObject({ newConversation: true, turn: { kind: 'new', userMessageId: question.dataset.messageId } });
    expect(await sidebarButton('Keep me')).toBeTruthy();
  });

  it('knows a conversation whose first request was refused is saved: Retry replaces the failed answer', async () => {
    const user = await openApp();
    await send(user, 'Hi');
    api.lastChat.fail({ code: 'invalid-request', message: 'The model refused the request.' });
    await within(lastAnswer()).findByRole('alert');
    // Main saved the turn before the server refused it: the conversation's menu opens.
    await waitFor(() => expect(moreButton().disabled).toBe(false));
    const failedId = lastAnswer().dataset.messageId;

    await user.click(within(lastAnswer()).getByRole('button', { name: 'Retry' }));
    expect(api.chats).toHaveLength(2);
    expect(api.lastChat.request.history).toMatchObject({ turn: { kind: 'retry', replacesAnswerId: failedId } });
    expect(api.lastChat.request.history?.newConversation).toBeUndefined();
  });

  it('shows an interrupted answer with its text, and Retry replaces it', async () => {
    const interrupted = storedMessage({ role: 'assistant', content: 'The first half of', status: 'interrupted', finishReason: null });
    const question = storedMessage({ role: 'user', content: 'Explain tides' });
    const stored = api.history.seed({ title: 'Cut off', model: MODEL, messages: [question, interrupted] });
    const user = await openApp();
    await user.click(await sidebarButton('Cut off'));

    const answer = await within(log()).findByRole('article', { name: 'Assistant' });
    expect(answer.textContent).toContain('The first half of');
    expect(answer.textContent).toContain('The answer was cut short');
    await user.click(within(answer).getByRole('button', { name: 'Retry' }));

    expect(api.lastChat.request).toMatchObject({ messages: [{ role: 'user', content: 'Explain tides' }] });
    expect(api.lastChat.request.history).toEqual({
      conversationId: stored.id,
      answerId: expect.any(String),
      // The question goes along, so main saves it if a failed save left it out (never twice).
      turn: { kind: 'retry', replacesAnswerId: interrupted.id, userMessageId: question.id },
    });
  });
});

describe('each conversation keeps its own settings', () => {
  it('saves a stored conversation’s model at once and its system prompt after typing pauses', async () => {
    const stored = api.history.seed({ title: 'Recipes', model: MODEL, systemPrompt: 'You cook.' });
    const user = await openApp();
    await user.click(await sidebarButton('Recipes'));
    await waitFor(() => expect(systemPromptField().value).toBe('You cook.'));

    const model = screen.getByRole('combobox', { name: 'Model' });
    await user.click(model);
    await user.click(screen.getByRole('option', { name: 'Qwen/Qwen3-235B-A22B' }));
    expect(api.callsTo('updateConversation')).toEqual([[{ id: stored.id, patch: { model: 'Qwen/Qwen3-235B-A22B' } }]]);
    expect(api.callsTo('updateSettings')).toEqual([[{ defaultModel: 'Qwen/Qwen3-235B-A22B' }]]);

    await user.type(systemPromptField(), ' Vegan only.');
    expect(api.callsTo('updateConversation')).toHaveLength(1);
    await waitFor(() => expect(api.callsTo('updateConversation')).toEqual([[{ id: stored.id, patch: { model: 'Qwen/Qwen3-235B-A22B' } }], [{ id: stored.id, patch: { systemPrompt: 'You cook. Vegan only.' } }]]));
  });

  it('a new chat takes the defaults, whatever the last opened conversation used', async () => {
    api.history.seed({ title: 'Recipes', model: 'Qwen/Qwen3-235B-A22B', systemPrompt: 'You cook.' });
    const user = await openApp();
    await user.click(await sidebarButton('Recipes'));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe('Qwen/Qwen3-235B-A22B'));
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe(MODEL);
    expect(systemPromptField().value).toBe('Be brief.');
  });
});

describe('an answer left behind', () => {
  it('goes on streaming and shows its live text when its conversation is opened again', async () => {
    const user = await openApp();
    await send(user, 'Write a long story');
    await waitFor(() => expect(api.chats).toHaveLength(1));
    const stream = api.lastChat;
    stream.delta('Once upon');
    await within(lastAnswer()).findByText('Once upon');

    await user.click(screen.getByRole('button', { name: 'New chat' }));
    expect(screen.queryAllByRole('article')).toEqual([]);
    stream.delta(' a time');
    // The other conversation's text never lands in this one.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(screen.queryAllByRole('article')).toEqual([]);
    expect(stream.cancelled).toBe(false);

    await user.click(await sidebarButton('Write a long story'));
    await within(log()).findByText('Once upon a time');
    expect(lastAnswer().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();

    stream.delta(', the end.');
    stream.end();
    await within(log()).findByText('Once upon a time, the end.');
    await waitFor(() => expect(lastAnswer().getAttribute('aria-busy')).toBe('false'));
  });

  it('that finished while away shows finished on return', async () => {
    const user = await openApp();
    await send(user, 'Quick one');
    await waitFor(() => expect(api.chats).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    api.lastChat.delta('Done.');
    api.lastChat.end();

    await user.click(await sidebarButton('Quick one'));
    await within(log()).findByText('Done.');
    expect(lastAnswer().getAttribute('aria-busy')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });
});

describe('what main changed behind the window', () => {
  it('a restored backup: the sidebar reads the whole history again and the window leaves the conversation it showed', async () => {
    api.history.seed({ title: 'Before the damage', model: MODEL });
    api.noticeList = [{ id: 'damaged', level: 'warning', message: 'Your history file was damaged.', backupFile: 'history-v3-20260101-000000.sqlite3' }];
    const user = await openApp();
    await user.click(await sidebarButton('Before the damage'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Before the damage'));

    // What the backup holds; main announces nothing until the restore.
    api.history.seed({ title: 'From the backup', model: MODEL });
    await user.click(screen.getByRole('button', { name: 'Restore backup' }));

    expect(await sidebarButton('From the backup')).toBeTruthy();
    expect(api.callsTo('restoreHistoryBackup')).toEqual([[{ backupFile: 'history-v3-20260101-000000.sqlite3' }]]);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('New chat'));
  });
});
