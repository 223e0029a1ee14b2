// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

async function openChat() {
  renderWith(api);
  const combobox = await screen.findByRole('combobox', { name: 'Model' });
  return { combobox: combobox as HTMLInputElement, user: userEvent.setup() };
}

function optionNames() {
  return screen.queryAllByRole('option').map((option) => option.textContent);
}

describe('model picker', () => {
  it('starts from the remembered model and lists models without forcing a refresh', async () => {
    api.settings.defaultModel = 'Qwen/Qwen3-235B-A22B';
    const { combobox } = await openChat();
    expect(combobox.value).toBe('Qwen/Qwen3-235B-A22B');
    // The list loads in an effect, which may run just after the field appears.
    await waitFor(() => expect(api.callsTo('listModels')).toEqual([[{ refresh: false, endpointId: 'wandb' }]]));
  });

  it('filters by substring and picks with the keyboard, remembering the choice', async () => {
    const { combobox, user } = await openChat();
    await user.click(combobox);
    expect(optionNames()).toHaveLength(3);

    await user.type(combobox, 'seek');
    expect(optionNames()).toEqual(['deepseek-ai/DeepSeek-R1-0528']);
    await user.clear(combobox);
    await user.type(combobox, 'q');
    expect(optionNames()).toEqual(['Qwen/Qwen3-235B-A22B']);
    await user.clear(combobox);
    await user.type(combobox, 'e');
    expect(optionNames()).toHaveLength(3);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{Enter}');

    expect(combobox.value).toBe('deepseek-ai/DeepSeek-R1-0528');
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    expect(api.callsTo('updateSettings')).toEqual([[{ defaultModel: 'deepseek-ai/DeepSeek-R1-0528' }]]);
  });

  it('marks the active option and picks with a click', async () => {
    const { combobox, user } = await openChat();
    await user.click(combobox);
    await user.keyboard('{ArrowDown}');
    const active = document.getElementById(combobox.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toBe('deepseek-ai/DeepSeek-R1-0528');

    await user.click(screen.getByRole('option', { name: 'Qwen/Qwen3-235B-A22B' }));
    expect(combobox.value).toBe('Qwen/Qwen3-235B-A22B');
    expect(api.callsTo('updateSettings')).toEqual([[{ defaultModel: 'Qwen/Qwen3-235B-A22B' }]]);
  });

  it('Escape closes the list and puts the chosen model back', async () => {
    api.settings.defaultModel = 'Qwen/Qwen3-235B-A22B';
    const { combobox, user } = await openChat();
    await user.clear(combobox);
    await user.type(combobox, 'llama');
    await user.keyboard('{Escape}');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(combobox.value).toBe('Qwen/Qwen3-235B-A22B');
    expect(api.callsTo('updateSettings')).toEqual([]);
  });

  it('refreshes on request; a cached list is said by the banner above the thread', async () => {
    const { user } = await openChat();
    await waitFor(() => expect(api.callsTo('listModels')).toHaveLength(1));
    api.models = { ...api.models, fromCache: true, error: { code: 'connection', message: 'Could not reach the server.' } };
    await user.click(screen.getByRole('button', { name: 'Refresh models' }));
    expect(api.callsTo('listModels')).toEqual([[{ refresh: false, endpointId: 'wandb' }], [{ refresh: true, endpointId: 'wandb' }]]);
    expect(await screen.findByText('The model list is offline')).toBeTruthy();
    expect(screen.getByText(/^Showing the models cached .*Could not reach the server\.$/)).toBeTruthy();
  });
});
