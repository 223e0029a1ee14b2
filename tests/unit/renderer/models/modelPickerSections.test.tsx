// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../../../shared/ipc';
import { bestAlternative } from '../../../../renderer/features/models/bestAlternative';
import { searchModels } from '../../../../renderer/features/models/pickerSections';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

const KIMI = 'moonshotai/Kimi-K2.6';
const QWEN_CODER = 'Qwen/Qwen3-Coder-480B-A35B-Instruct';
const QWEN_THINKING = 'Qwen/Qwen3-235B-A22B-Thinking-2507';
const LLAMA_8B = 'meta-llama/Llama-3.1-8B-Instruct';
const LLAMA_70B = 'meta-llama/Llama-3.1-70B-Instruct';
const GPT = 'openai/gpt-oss-120b';
const KIMI_INFO: ModelInfo = { contextWindow: 262_000, vision: true, reasoning: 'default-on', price: { input: 0.65, output: 3.41 }, toolCalling: null, lifecycle: null };

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
  api.models = {
    models: [LLAMA_8B, LLAMA_70B, KIMI, GPT, QWEN_THINKING, QWEN_CODER],
    info: { [KIMI]: KIMI_INFO, [GPT]: { contextWindow: 131_000, vision: false, reasoning: 'always', price: null, toolCalling: null, lifecycle: null } },
    fetchedAt: Date.now(),
    fromCache: false,
    error: null,
  };
});
afterEach(cleanup);

async function openPicker() {
  renderWith(api);
  const combobox = (await screen.findByRole('combobox', { name: 'Model' })) as HTMLInputElement;
  await waitFor(() => expect(api.callsTo('listModels')).toHaveLength(1));
  const user = userEvent.setup();
  await user.click(combobox);
  return { combobox, user };
}

/** Section name → its options' names, as a screen reader would list them. */
function sections(): Record<string, string[]> {
  return Object.fromEntries(
    screen.getAllByRole('group').map((group) => [
      document.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent,
      within(group).getAllByRole('option').map((option) => option.getAttribute('aria-label')),
    ]),
  );
}

describe('model picker sections', () => {
  it('pins favourites, then recently used, then the rest, each model once', async () => {
    api.settings = { ...api.settings, favouriteModels: [QWEN_CODER, 'gone/retired'], recentModels: [GPT, QWEN_CODER, KIMI] };
    await openPicker();
    expect(sections()).toEqual({
      Favourites: [QWEN_CODER],
      'Recently used': [GPT, KIMI],
      'All models': [LLAMA_8B, LLAMA_70B, QWEN_THINKING],
    });
  });

  it('shows what is known of each model, and nothing made up for the rest', async () => {
    await openPicker();
    const kimi = screen.getByRole('option', { name: KIMI });
    expect(document.getElementById(kimi.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '262k context · Vision · Reasoning on by default · $0.65 / $3.41 per 1M tokens',
    );
    const gpt = screen.getByRole('option', { name: GPT });
    expect(document.getElementById(gpt.getAttribute('aria-describedby') ?? '')?.textContent).toBe('131k context · Reasons always');
    expect(screen.getByRole('option', { name: LLAMA_8B }).getAttribute('aria-describedby')).toBeNull();
  });

  it('searches by name and by provider prefix, provider matches first', async () => {
    const { user, combobox } = await openPicker();
    await user.type(combobox, 'qwen/');
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('aria-label'))).toEqual([QWEN_THINKING, QWEN_CODER]);
    await user.clear(combobox);
    await user.type(combobox, 'meta');
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('aria-label'))).toEqual([LLAMA_8B, LLAMA_70B]);
    await user.clear(combobox);
    await user.type(combobox, 'qwen coder');
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('aria-label'))).toEqual([QWEN_CODER]);
    expect(searchModels(['x/meta-tool', 'meta-llama/Llama-3'], 'meta')).toEqual(['meta-llama/Llama-3', 'x/meta-tool']);
  });

  it('moves across sections with the arrows and picks with Enter', async () => {
    api.settings = { ...api.settings, favouriteModels: [KIMI] };
    const { user, combobox } = await openPicker();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = document.getElementById(combobox.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('aria-label')).toBe(LLAMA_70B);
    await user.keyboard('{End}');
    expect(document.getElementById(combobox.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label')).toBe(QWEN_CODER);
    await user.keyboard('{Home}{Enter}');
    expect(combobox.value).toBe(KIMI);
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
  });

  it('stars with Ctrl+D or the star button, and the favourite moves to the top', async () => {
    const { user, combobox } = await openPicker();
    await user.type(combobox, 'gpt');
    await user.keyboard('{Control>}d{/Control}');
    await waitFor(() => expect(api.settings.favouriteModels).toEqual([GPT]));
    await user.clear(combobox);
    expect(sections().Favourites).toEqual([GPT]);

    await user.click(screen.getByRole('button', { name: `Add ${LLAMA_70B} to favourites` }));
    await waitFor(() => expect(api.settings.favouriteModels).toEqual([GPT, LLAMA_70B]));
    await user.click(screen.getByRole('button', { name: `Remove ${GPT} from favourites` }));
    await waitFor(() => expect(api.settings.favouriteModels).toEqual([LLAMA_70B]));
    expect(sections().Favourites).toEqual([LLAMA_70B]);
    expect(combobox.value).toBe(''); // starring never picks
  });

  it('remembers the models chats used, most recent first', async () => {
    api.settings = { ...api.settings, defaultModel: KIMI, recentModels: [GPT] };
    renderWith(api);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    await waitFor(() => expect(api.settings.recentModels).toEqual([KIMI, GPT]));
    expect(api.callsTo('updateSettings')).toContainEqual([{ recentModels: [KIMI, GPT] }]);
  });
});

describe('after a 404', () => {
  it('refreshes the list and offers the closest model still listed, or the picker', async () => {
    api.settings = { ...api.settings, defaultModel: LLAMA_8B };
    api.models = { ...api.models, fetchedAt: Date.now() - 60_000 };
    renderWith(api);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    // The server retired the model meanwhile.
    api.models = { ...api.models, models: api.models.models.filter((model) => model !== LLAMA_8B), fetchedAt: Date.now() + 1 };
    api.lastChat.fail({ code: 'model-not-found', status: 404, message: `The model "${LLAMA_8B}" is no longer available.` });

    const alert = await screen.findByRole('alert');
    const switchButton = await within(alert).findByRole('button', { name: `Switch to ${LLAMA_70B}` });
    expect(api.callsTo('listModels')).toEqual([[{ refresh: false, endpointId: 'wandb' }], [{ refresh: true, endpointId: 'wandb' }]]);
    await user.click(switchButton);
    const combobox = screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement;
    expect(combobox.value).toBe(LLAMA_70B);

    // The conversation is kept; Retry asks the new model.
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(api.lastChat.request.model).toBe(LLAMA_70B);
    expect(api.lastChat.request.messages.at(-1)?.content).toBe('Hello');
  });

  it('"Choose another model" opens the picker', async () => {
    api.settings = { ...api.settings, defaultModel: 'gone/model' };
    renderWith(api);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    api.lastChat.fail({ code: 'model-not-found', status: 404, message: 'The model "gone/model" is no longer available.' });
    await user.click(await screen.findByRole('button', { name: 'Choose another model' }));
    const combobox = screen.getByRole('combobox', { name: 'Model' });
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(combobox);
  });
});

describe('best alternative', () => {
  it('prefers the same provider, then the same family, then favourites', () => {
    expect(bestAlternative(LLAMA_8B, [KIMI, LLAMA_70B, 'meta-llama/Llama-4-Scout'])).toBe(LLAMA_70B);
    expect(bestAlternative('Qwen/Qwen3-235B-A22B-Instruct-2507', [LLAMA_8B, QWEN_CODER, QWEN_THINKING])).toBe(QWEN_THINKING);
    expect(bestAlternative('acme/old', [LLAMA_8B, KIMI], [KIMI])).toBe(KIMI);
    expect(bestAlternative('acme/old', ['acme/old'])).toBeNull();
  });
});
