// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveComparison } from '../../../../shared/ipc';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley, type ScriptedChat } from '../support/scriptedParley';

const LLAMA = 'meta-llama/Llama-3.3-70B-Instruct';
const DEEPSEEK = 'deepseek-ai/DeepSeek-R1-0528';
const QWEN = 'Qwen/Qwen3-235B-A22B';
const USAGE = { promptTokens: 1_000, completionTokens: 2_000, totalTokens: 3_000 };

giveConversationListHeight();

let api: ScriptedParley;
let user: ReturnType<typeof userEvent.setup>;

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: LLAMA, defaultSystemPrompt: 'Be brief.' };
  // One model with a published price, the others without.
  api.models = { ...api.models, info: { [LLAMA]: { contextWindow: 128_000, vision: false, reasoning: 'none', price: { input: 0.5, output: 1.5 }, toolCalling: null, lifecycle: null } } };
  user = userEvent.setup();
});
afterEach(cleanup);

/** Compare, in the window where the thread was. */
const dialog = () => screen.getByRole('region', { name: 'Compare models' });
const compareGone = () => expect(screen.queryByRole('region', { name: 'Compare models' })).toBeNull();
const column = (model: string) => within(dialog()).getByRole('region', { name: model });
const composer = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;

async function openCompare(draft = '') {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  if (draft) await user.type(composer(), draft);
  await user.click(screen.getByRole('button', { name: 'Compare' }));
}

async function pick(slot: number, model: string) {
  const group = within(dialog()).getByRole('group', { name: `Model ${slot}` });
  const box = within(group).getByRole('combobox', { name: 'Model' });
  await user.clear(box);
  await user.type(box, model);
  await user.click(within(group).getByRole('option', { name: model }));
}

/** The chat streams Compare opened, by model. */
function streamFor(model: string): ScriptedChat {
  const found = api.chats.find((chat) => chat.request.model === model);
  if (!found) throw new Error(`no stream for ${model}`);
  return found;
}

/** Why "Send to all" is disabled, as the button's description says it. */
const reason = () => document.getElementById(within(dialog()).getByRole('button', { name: 'Send to all' }).getAttribute('aria-describedby') ?? '')?.textContent;

/** Chooses a column's answer with its radio and goes on with it: the one primary action. */
async function continueWith(model: string) {
  await user.click(await within(column(model)).findByRole('radio', { name: 'Choose this answer' }));
  await user.click(within(dialog()).getByRole('button', { name: 'Continue with this' }));
}

const saved = () => api.callsTo('saveComparison').map(([comparison]) => comparison as SaveComparison);

describe('Compare', () => {
  it('starts from the conversation model and the draft, and says why it cannot send yet', async () => {
    await openCompare('Name a bird');
    const send = within(dialog()).getByRole('button', { name: 'Send to all' });
    expect((within(dialog()).getByRole('group', { name: 'Model 1' }).querySelector('input') as HTMLInputElement).value).toBe(LLAMA);
    expect((within(dialog()).getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('Name a bird');
    expect(send).toHaveProperty('disabled', true);
    expect(reason()).toBe('Choose a model for each column.');

    await pick(2, LLAMA);
    expect(reason()).toBe('Each model can be compared once; choose different models.');
    await pick(2, DEEPSEEK);
    await user.click(within(dialog()).getByRole('button', { name: 'Add model' }));
    await pick(3, QWEN);
    await user.click(within(dialog()).getByRole('button', { name: 'Add model' }));
    // Four at most.
    expect(within(dialog()).queryByRole('button', { name: 'Add model' })).toBeNull();
    await user.click(within(dialog()).getByRole('button', { name: 'Remove model 4' }));
    await user.click(within(dialog()).getByRole('button', { name: `Remove ${QWEN}` }));
    // Two at least.
    expect(within(dialog()).queryByRole('button', { name: /^Remove/ })).toBeNull();
    await user.clear(within(dialog()).getByLabelText('Prompt'));
    expect(reason()).toBe('Write a prompt to send.');
    expect(send).toHaveProperty('disabled', true);
    expect(api.chats).toHaveLength(0);
  });

  it('streams each model in its own column with live and final stats, stops one, and saves the chosen answer with the others as versions', async () => {
    await openCompare('Name a bird');
    await pick(2, DEEPSEEK);
    await user.click(within(dialog()).getByRole('button', { name: 'Add model' }));
    await pick(3, QWEN);
    await user.click(within(dialog()).getByRole('button', { name: 'Send to all' }));

    // Sent in parallel through chat(), with no history: nothing is saved before a choice.
    expect(api.chats.map((chat) => chat.request)).toEqual(
      [LLAMA, DEEPSEEK, QWEN].map((model) => ({ model, systemPrompt: 'Be brief.', messages: [{ role: 'user', content: 'Name a bird' }], endpointId: 'wandb' })),
    );
    expect(within(column(QWEN)).getByText('Waiting for the first token…')).toBeTruthy();
    streamFor(QWEN).delta('A heron');
    streamFor(QWEN).delta(' wades');
    await waitFor(() => expect(column(QWEN).textContent).toContain('A heron wades'));
    expect(within(column(QWEN)).getByText(/^first token \d+\.\d s/)).toBeTruthy();

    streamFor(LLAMA).delta('A pelican.');
    streamFor(LLAMA).end({ usage: USAGE, firstTokenMs: 400, durationMs: 2_400 });
    streamFor(DEEPSEEK).delta('A robin.', 'Small birds…');
    streamFor(DEEPSEEK).end({ usage: USAGE, firstTokenMs: 200, durationMs: 1_200 });
    // The priced model shows its cost; the others none, never "$0".
    await waitFor(() => expect(column(LLAMA).textContent).toContain('1000 tokens in · 2000 out · first token 0.4 s · 2.4 s total · 1000 tokens/s · $0.0035'));
    expect(column(DEEPSEEK).textContent).toContain('1000 tokens in · 2000 out · first token 0.2 s · 1.2 s total · 2000 tokens/s');
    expect(column(DEEPSEEK).textContent).not.toContain('$');

    await user.click(within(column(QWEN)).getByRole('button', { name: `Stop ${QWEN}` }));
    expect(streamFor(QWEN).cancelled).toBe(true);
    expect(streamFor(LLAMA).cancelled).toBe(false);
    await waitFor(() => expect(within(column(QWEN)).getByText('Stopped')).toBeTruthy());
    expect(within(dialog()).queryByRole('button', { name: 'Stop all' })).toBeNull();

    await continueWith(DEEPSEEK);
    await waitFor(compareGone);
    const [comparison] = saved();
    expect(comparison).toMatchObject({
      newConversation: true,
      endpointId: 'wandb',
      systemPrompt: 'Be brief.',
      question: { content: 'Name a bird' },
      chosen: { model: DEEPSEEK, content: 'A robin.', reasoning: 'Small birds…', status: 'complete', usage: USAGE, firstTokenMs: 200, durationMs: 1_200 },
      others: [
        { model: LLAMA, content: 'A pelican.', status: 'complete', firstTokenMs: 400 },
        { model: QWEN, content: 'A heron wades', status: 'stopped' },
      ],
    });

    // The turn shows in the chat: the question, and the chosen answer as 3/3 of its versions.
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByRole('article', { name: 'You' }).textContent).toContain('Name a bird');
    const answer = within(log).getByRole('article', { name: 'Assistant' });
    expect(answer.textContent).toContain('A robin.');
    expect(within(answer).getByLabelText('Version 3 of 3')).toBeTruthy();
    await user.click(within(answer).getByRole('button', { name: 'Previous version' }));
    await waitFor(() => expect(within(log).getByRole('article', { name: 'Assistant' }).textContent).toContain('A heron wades'));
    expect(composer().value).toBe('');
    // The new conversation is in the list, under its first words, and the model is the chosen one.
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: 'Conversations' })).getByRole('button', { name: /Name a bird/ })).toBeTruthy());
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe(DEEPSEEK);
  });

  it("draws each column's first token at once, then the following ones once per frame, and a retried attempt's first at once again", async () => {
    await openCompare('Name a bird');
    await pick(2, DEEPSEEK);
    await user.click(within(dialog()).getByRole('button', { name: 'Send to all' }));
    // Frames are held: only what is drawn without one shows.
    const frames: FrameRequestCallback[] = [];
    const held = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      streamFor(LLAMA).delta('A pelican');
      streamFor(DEEPSEEK).delta('A robin');
      await waitFor(() => expect(column(LLAMA).textContent).toContain('A pelican'));
      expect(column(DEEPSEEK).textContent).toContain('A robin');
      streamFor(LLAMA).delta(' dives');
      expect(frames).not.toHaveLength(0);
      expect(column(LLAMA).textContent).not.toContain('A pelican dives');
      act(() => frames.splice(0).forEach((callback) => callback(performance.now())));
      await waitFor(() => expect(column(LLAMA).textContent).toContain('A pelican dives'));

      // Main tries the request again: the new attempt's first token is a first token too.
      act(() => streamFor(DEEPSEEK).emit({ type: 'retrying', attempt: 1, of: 3, reason: { code: 'rate-limit', message: 'Too many requests' } }));
      streamFor(DEEPSEEK).delta('A wren');
      await waitFor(() => expect(column(DEEPSEEK).textContent).toContain('A wren'));
      expect(column(DEEPSEEK).textContent).not.toContain('A robin');
    } finally {
      held.mockRestore();
    }
  });

  it('sends an existing conversation with its history; using an answer stops the rest, and a failed save keeps everything', async () => {
    const seeded = api.history.seed({
      title: 'Birds',
      model: LLAMA,
      systemPrompt: 'Speak French.',
      messages: [storedMessage({ role: 'user', content: 'Hello' }), storedMessage({ role: 'assistant', content: 'Bonjour.' })],
    });
    renderWith(api);
    await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: 'Birds' }));
    await screen.findByText('Bonjour.');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await pick(2, QWEN);
    await user.type(within(dialog()).getByLabelText('Prompt'), 'And birds?{Enter}');
    expect(streamFor(QWEN).request).toEqual({
      model: QWEN,
      systemPrompt: 'Speak French.',
      endpointId: 'wandb',
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Bonjour.' },
        { role: 'user', content: 'And birds?' },
      ],
    });

    streamFor(LLAMA).delta('Les oiseaux.');
    streamFor(LLAMA).end();
    streamFor(QWEN).delta('Half an');
    api.failNext('saveComparison', { code: 'internal', message: 'The disk is full.' });
    await continueWith(LLAMA);
    // The still streaming column was stopped, and is kept with what it had.
    expect(streamFor(QWEN).cancelled).toBe(true);
    expect((await within(dialog()).findByRole('alert')).textContent).toBe('Could not save the comparison: The disk is full.');
    expect(column(QWEN).textContent).toContain('Half an');

    await continueWith(LLAMA);
    await waitFor(compareGone);
    expect(saved().at(-1)).toMatchObject({
      conversationId: seeded.id,
      newConversation: false,
      chosen: { model: LLAMA, content: 'Les oiseaux.' },
      others: [{ model: QWEN, content: 'Half an', status: 'stopped' }],
    });
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getAllByRole('article')).toHaveLength(4);
  });

  it('leaves out a column with nothing to keep, and asks before closing away answers', async () => {
    await openCompare('Why?');
    await pick(2, QWEN);
    await user.click(within(dialog()).getByRole('button', { name: 'Send to all' }));
    streamFor(QWEN).fail({ code: 'model-not-found', message: 'This model is not available.' });
    streamFor(LLAMA).delta('Because.');
    expect((await within(column(QWEN)).findByRole('alert')).textContent).toBe('This model is not available.');
    expect(within(column(QWEN)).queryByRole('radio')).toBeNull();

    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Discard this comparison?' })).getByRole('button', { name: 'Keep comparing' }));
    streamFor(LLAMA).end();
    await continueWith(LLAMA);
    await waitFor(() => expect(saved()).toHaveLength(1));
    expect(saved()[0]?.others).toEqual([]);
  });

  it('closing without sending gives the prompt back; discarding stops the streams and gives it back too', async () => {
    await openCompare('First draft');
    await user.type(within(dialog()).getByLabelText('Prompt'), ', longer');
    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    compareGone();
    expect(composer().value).toBe('First draft, longer');

    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await pick(2, QWEN);
    await user.click(within(dialog()).getByRole('button', { name: 'Send to all' }));
    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('alertdialog', { name: 'Discard this comparison?' })).getByRole('button', { name: 'Discard' }));
    compareGone();
    expect(api.chats.every((chat) => chat.cancelled)).toBe(true);
    expect(composer().value).toBe('First draft, longer');
    expect(saved()).toEqual([]);
  });
});
