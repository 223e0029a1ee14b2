// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { chatSettings } from '../support/windowParts';

const MODEL = 'deepseek-ai/DeepSeek-R1-0528';
let api: ScriptedParley;
type User = ReturnType<typeof userEvent.setup>;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL };
});
afterEach(cleanup);

async function openApp() {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  return userEvent.setup();
}

async function openParameters(user: User) {
  await user.click(chatSettings().getByRole('button', { name: 'Parameters' }));
  return screen.getByRole('dialog', { name: 'Parameters' });
}

async function send(user: User, text: string) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
  await waitFor(() => expect(api.lastChat.request.messages.at(-1)?.content).toBe(text));
}

describe('Parameters', () => {
  it('sends only what is set; a value out of range is explained and not applied', async () => {
    const user = await openApp();
    const dialog = await openParameters(user);
    expect(within(dialog).getByText('Nothing set: the model’s own defaults apply.')).toBeTruthy();

    await user.type(within(dialog).getByRole('spinbutton', { name: 'Temperature' }), '2.5');
    expect(within(dialog).getByRole('alert').textContent).toBe('Temperature must be between 0 and 2. Not sent until corrected.');
    expect(within(dialog).getByText('Nothing set: the model’s own defaults apply.')).toBeTruthy();
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Seed' }), '4.5');
    expect(within(dialog).getAllByRole('alert').map((alert) => alert.textContent)).toContain('Seed must be a whole number. Not sent until corrected.');
    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Seed' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Seed' }), '-3');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Max tokens' }), '0');
    expect(within(dialog).getAllByRole('alert').map((alert) => alert.textContent)).toContain('Max tokens must be at least 1. Not sent until corrected.');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await send(user, 'Hello');
    expect(api.lastChat.request.params).toEqual({ seed: -3 });
  });

  it('a stored conversation saves its parameters as they change', async () => {
    const stored = api.history.seed({ title: 'Kept', model: MODEL, params: { temperature: 0.2 } });
    const user = await openApp();
    await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: 'Kept' }));
    await waitFor(() => expect(chatSettings().getByText('temperature 0.2')).toBeTruthy());

    const dialog = await openParameters(user);
    expect((within(dialog).getByRole('spinbutton', { name: 'Temperature' }) as HTMLInputElement).value).toBe('0.2');
    await user.click(within(dialog).getByRole('button', { name: 'Clear temperature' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Stop sequence 2' }), '###');
    expect(api.callsTo('updateConversation').at(-1)).toEqual([{ id: stored.id, patch: { params: { stop: ['###'] } } }]);
    expect(api.history.get(stored.id).params).toEqual({ stop: ['###'] });
  });

  it('"Use for new chats" saves them in settings, and new chats start with them', async () => {
    const user = await openApp();
    const dialog = await openParameters(user);
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Top p' }), '0.9');
    await user.click(within(dialog).getByRole('button', { name: 'Use for new chats' }));
    expect(await within(dialog).findByText('New chats will start with these parameters.')).toBeTruthy();
    expect(api.callsTo('updateSettings')).toEqual([[{ defaultParams: { topP: 0.9 } }]]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    await send(user, 'Fresh');
    expect(api.lastChat.request.params).toEqual({ topP: 0.9 });
  });

  it('offers the reasoning switch only where the model allows it', async () => {
    api.models = { ...api.models, info: { [MODEL]: { contextWindow: null, vision: null, reasoning: 'always', price: null, toolCalling: null, lifecycle: null } } };
    const user = await openApp();
    let dialog = await openParameters(user);
    expect(await within(dialog).findByText('This model always reasons; it cannot be turned off.')).toBeTruthy();
    expect(within(dialog).queryByRole('radio')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    api.models = { ...api.models, info: {} };
    dialog = await openParameters(user);
    const off = within(within(dialog).getByRole('radiogroup', { name: 'Reasoning' })).getByRole('radio', { name: 'Off' });
    await user.click(off);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await send(user, 'Quick');
    expect(api.lastChat.request.params).toEqual({ enableThinking: false });
  });
});

describe('a refused parameter', () => {
  it('"Drop seed and retry" unsets it and asks again without it; a parameter not set is not offered', async () => {
    const user = await openApp();
    const dialog = await openParameters(user);
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Seed' }), '7');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Temperature' }), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await send(user, 'Hi');
    api.lastChat.fail({ code: 'bad-request', status: 422, param: 'seed', message: `The model ${MODEL} refused the parameter seed: not supported.` });
    await user.click(await screen.findByRole('button', { name: 'Drop seed and retry' }));
    await waitFor(() => expect(api.chats).toHaveLength(2));
    expect(api.lastChat.request.params).toEqual({ temperature: 1 });
    expect(api.lastChat.request.history?.turn.kind).toBe('retry');
    expect(chatSettings().getByText('temperature 1')).toBeTruthy();

    api.lastChat.fail({ code: 'bad-request', status: 422, param: 'top_p', message: 'top_p is wrong.' });
    expect(await screen.findByText('top_p is wrong.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Drop / })).toBeNull();
  });
});
