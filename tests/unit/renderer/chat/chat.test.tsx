// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { systemPromptField } from '../support/windowParts';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL, defaultSystemPrompt: 'Be brief.' };
});
afterEach(cleanup);

async function openChat() {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  return userEvent.setup();
}

async function send(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
}

function answers() {
  return within(screen.getByRole('log', { name: 'Conversation' })).queryAllByRole('article', { name: 'Assistant' });
}

function lastAnswer() {
  const all = answers();
  const last = all[all.length - 1];
  if (!last) throw new Error('no answer yet');
  return last;
}

describe('chat', () => {
  it('sends the system prompt and the history, and clears the draft', async () => {
    const user = await openChat();
    const message = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(systemPromptField().value).toBe('Be brief.');

    await send(user, 'Hello');
    expect(message.value).toBe('');
    expect(api.lastChat.request).toMatchObject({ model: MODEL, systemPrompt: 'Be brief.', messages: [{ role: 'user', content: 'Hello' }] });
    api.lastChat.delta('Hi!');
    api.lastChat.end();
    await waitFor(() => expect(lastAnswer().getAttribute('aria-busy')).toBe('false'));

    const system = systemPromptField();
    await user.clear(system);
    await user.type(system, 'Speak French.');
    await user.type(message, 'line one{Shift>}{Enter}{/Shift}line two{Enter}');
    expect(api.lastChat.request).toMatchObject({
      model: MODEL,
      systemPrompt: 'Speak French.',
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi!' },
        { role: 'user', content: 'line one\nline two' },
      ],
    });
    expect(screen.getAllByRole('article', { name: 'You' }).map((article) => article.querySelector('.message-bubble')?.textContent)).toEqual(['Hello', 'line one\nline two']);
  });

  it('streams deltas into the answer while showing "Generating…", then the usage', async () => {
    const user = await openChat();
    await send(user, 'Tell me');
    const answer = lastAnswer();
    expect(answer.getAttribute('aria-busy')).toBe('true');
    expect(within(answer).getByText('Generating…')).toBeTruthy();

    api.lastChat.delta('', 'Let me think');
    const summary = await within(answer).findByText('Thinking');
    const details = summary.closest('details');
    expect(details?.open).toBe(true);

    api.lastChat.delta('Once');
    api.lastChat.delta(' upon');
    api.lastChat.delta(' a time');
    await within(answer).findByText('Once upon a time');
    expect(details?.open).toBe(false);
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();

    api.lastChat.emit({ type: 'usage', usage: { promptTokens: 12, completionTokens: 34, totalTokens: 46 } });
    api.lastChat.end({ firstTokenMs: 400, durationMs: 2100 });
    await waitFor(() => expect(answer.getAttribute('aria-busy')).toBe('false'));
    expect(within(answer).queryByText('Generating…')).toBeNull();
    expect(answer.textContent).toContain('12 tokens in · 34 out · first token 0.4 s · 2.1 s total');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('shows a short answer\'s text in a frame of its own, and its end (footer, actions) only after it', async () => {
    const user = await openChat();
    await send(user, 'Say hello');
    const log = screen.getByRole('log', { name: 'Conversation' });
    // Whether the answer still showed as streaming when its text first appeared.
    const busyWhenShown: (string | null)[] = [];
    const watch = new MutationObserver(() => {
      if (busyWhenShown.length === 0 && lastAnswer().textContent.includes('Hello!')) busyWhenShown.push(lastAnswer().getAttribute('aria-busy'));
    });
    watch.observe(log, { subtree: true, childList: true, characterData: true, attributes: true });
    // The whole answer at once, as a model's short reply ends right after its first token.
    api.lastChat.delta('Hello!');
    api.lastChat.end();
    await waitFor(() => expect(lastAnswer().getAttribute('aria-busy')).toBe('false'));
    watch.disconnect();
    expect(busyWhenShown).toEqual(['true']);
    expect(within(lastAnswer()).getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('in a saved conversation, the request goes to main in the keypress itself, before the page draws the question', async () => {
    const user = await openChat();
    await send(user, 'First');
    api.lastChat.end();
    await waitFor(() => expect(lastAnswer().getAttribute('aria-busy')).toBe('false'));
    const log = screen.getByRole('log', { name: 'Conversation' });
    // What the window showed at the moment the page handed the request over.
    const shownAtSend: boolean[] = [];
    const chat = api.client.chat;
    vi.spyOn(api.client, 'chat').mockImplementation((...args) => {
      shownAtSend.push(log.textContent.includes('Second'));
      return chat(...args);
    });
    await send(user, 'Second');
    expect(shownAtSend).toEqual([false]);
    expect(api.lastChat.request.messages.at(-1)).toEqual({ role: 'user', content: 'Second' });
    await within(log).findByText('Second');
  });

  it('draws the first token at once, then the following ones once per frame', async () => {
    const user = await openChat();
    await send(user, 'Quick');
    // Frames are held: only what is drawn without one shows.
    const frames: FrameRequestCallback[] = [];
    const held = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      api.lastChat.delta('First');
      await within(lastAnswer()).findByText('First');
      api.lastChat.delta(' and more');
      expect(frames).not.toHaveLength(0);
      expect(within(lastAnswer()).queryByText('First and more')).toBeNull();
      act(() => frames.splice(0).forEach((callback) => callback(performance.now())));
      await within(lastAnswer()).findByText('First and more');
    } finally {
      held.mockRestore();
    }
  });

  it('Stop cancels and keeps the partial answer', async () => {
    const user = await openChat();
    await send(user, 'Long story');
    api.lastChat.delta('The beginning');
    await within(lastAnswer()).findByText('The beginning');

    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(api.lastChat.cancelled).toBe(true);
    await within(lastAnswer()).findByText('Stopped');
    expect(within(lastAnswer()).getByText('The beginning')).toBeTruthy();
    expect(lastAnswer().getAttribute('aria-busy')).toBe('false');
  });

  it('Escape stops the answer', async () => {
    const user = await openChat();
    await send(user, 'Go');
    api.lastChat.delta('Partial');
    await within(lastAnswer()).findByText('Partial');
    await user.keyboard('{Escape}');
    expect(api.lastChat.cancelled).toBe(true);
    await within(lastAnswer()).findByText('Stopped');
  });

  it('shows an error under the partial answer, and Retry asks again for that turn', async () => {
    const user = await openChat();
    await send(user, 'First');
    api.lastChat.delta('One');
    api.lastChat.end();
    await send(user, 'Second');
    const failedRequest = api.lastChat.request;
    api.lastChat.delta('Half an ans');
    api.lastChat.fail({ code: 'dropped', message: 'The connection dropped before the answer was complete.' });

    const alert = await within(lastAnswer()).findByRole('alert');
    expect(alert.textContent).toContain('The connection dropped before the answer was complete.');
    expect(within(lastAnswer()).getByText('Half an ans')).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Open settings' })).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'draft in progress');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(api.chats).toHaveLength(3);
    const { history: retried, ...retriedRequest } = api.lastChat.request;
    const { history: failed, ...firstRequest } = failedRequest;
    expect(retriedRequest).toEqual(firstRequest);
    // The retry names its question too, so main can save it if the first attempt could not.
    expect(retried?.turn).toEqual({ kind: 'retry', replacesAnswerId: failed?.answerId, userMessageId: failed?.turn.kind === 'new' ? failed.turn.userMessageId : undefined });
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('draft in progress');

    api.lastChat.delta('A whole answer');
    api.lastChat.end();
    await within(lastAnswer()).findByText('A whole answer');
    expect(answers()).toHaveLength(2);
    expect(screen.queryByText('Half an ans')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers the settings when the key is refused', async () => {
    const user = await openChat();
    await send(user, 'Hi');
    api.lastChat.fail({ code: 'auth', message: 'The API key was refused.' });
    const alert = await within(lastAnswer()).findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Open settings' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('New chat starts empty with the defaults, leaving the answer in flight to finish', async () => {
    const user = await openChat();
    await user.type(systemPromptField(), ' Extra.');
    await send(user, 'Hi');
    api.lastChat.delta('Hello');
    await user.click(screen.getByRole('button', { name: 'New chat' }));

    expect(api.chats[0]?.cancelled).toBe(false);
    expect(screen.queryAllByRole('article')).toEqual([]);
    expect(systemPromptField().value).toBe('Be brief.');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('cannot send without a model', async () => {
    api.settings.defaultModel = '';
    const user = await openChat();
    await send(user, 'Hello');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(api.chats).toEqual([]);
  });
});
