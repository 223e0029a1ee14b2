// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { chatSettings, systemPromptField } from '../support/windowParts';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
const TERSE = '0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const PIRATE = '1c8a7b2f-3d4e-4f60-9b0c-1d2e3f4a5b6c';
let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL };
  api.prompts = {
    prompts: [
      { id: TERSE, name: 'Terse', text: 'One line.', updatedAt: 1 },
      { id: PIRATE, name: 'Pirate', text: 'Arr, it is {{date}}.', updatedAt: 1 },
    ],
    defaultId: TERSE,
  };
});
afterEach(cleanup);

async function openPrompts() {
  renderWith(api);
  await screen.findByRole('combobox', { name: 'Model' });
  const user = userEvent.setup();
  await user.click(chatSettings().getByRole('button', { name: 'Prompts' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Prompts' }) };
}

const listed = (dialog: HTMLElement) => within(within(dialog).getByRole('list', { name: 'Saved prompts' })).getAllByRole('button').map((b) => b.textContent);

describe('Prompts', () => {
  it('a new chat starts with the default prompt, and a settings default moves into the library once', async () => {
    renderWith(api);
    await waitFor(() => expect(systemPromptField().value).toBe('One line.'));
    cleanup();

    const legacy = new ScriptedParley();
    legacy.settings = { ...legacy.settings, defaultSystemPrompt: 'Be brief.' };
    renderWith(legacy);
    await waitFor(() => expect(systemPromptField().value).toBe('Be brief.'));
  });

  it('marks the default, applies a prompt to the open conversation, and changes the default', async () => {
    const { user, dialog } = await openPrompts();
    expect(listed(dialog)).toEqual(['Terse (default)', 'Pirate']);
    await user.click(within(dialog).getByRole('button', { name: 'Pirate' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Default for new chats' }));
    await waitFor(() => expect(listed(dialog)).toEqual(['Terse', 'Pirate (default)']));
    expect(api.callsTo('setDefaultPrompt')).toEqual([[{ id: PIRATE }]]);

    await user.click(within(dialog).getByRole('button', { name: 'Apply to this conversation' }));
    expect(screen.queryByRole('dialog', { name: 'Prompts' })).toBeNull();
    expect(systemPromptField().value).toBe('Arr, it is {{date}}.');
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    expect(systemPromptField().value).toBe('Arr, it is {{date}}.');
  });

  it('keeps unsaved edits across prompts, and asks before closing without them', async () => {
    const { user, dialog } = await openPrompts();
    const text = () => within(dialog).getByRole('textbox', { name: 'Prompt text' }) as HTMLTextAreaElement;
    await user.type(text(), ' Really.');
    await user.click(within(dialog).getByRole('button', { name: 'Pirate' }));
    await user.click(within(dialog).getByRole('button', { name: 'Terse (default) (unsaved)' }));
    expect(text().value).toBe('One line. Really.');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('One prompt has unsaved changes.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save prompt' }));
    await waitFor(() => expect(api.prompts.prompts[0]?.text).toBe('One line. Really.'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Prompts' })).toBeNull();
  });

  it('duplicates under a new id, and deletes only after asking', async () => {
    const { user, dialog } = await openPrompts();
    await user.click(within(dialog).getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(listed(dialog)).toEqual(['Terse (default)', 'Pirate', 'Terse copy']));
    const copy = api.prompts.prompts[2];
    expect(copy).toMatchObject({ name: 'Terse copy', text: 'One line.' });
    expect([TERSE, PIRATE]).not.toContain(copy?.id);

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(api.callsTo('deletePrompt')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete prompt' }));
    await waitFor(() => expect(listed(dialog)).toEqual(['Terse (default)', 'Pirate']));
    expect(api.callsTo('deletePrompt')).toEqual([[{ id: copy?.id }]]);
  });

  it('reports what an import did, and shows why a file was refused', async () => {
    const { user, dialog } = await openPrompts();
    const picker = within(dialog).getByLabelText('Prompts file to import');
    api.failNext('importPrompts', { code: 'invalid-request', message: 'This file is not valid JSON (Unexpected end), so no prompts were imported.' });
    await user.upload(picker, new File(['{'], 'broken.json', { type: 'application/json' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('not valid JSON');
    expect(listed(dialog)).toEqual(['Terse (default)', 'Pirate']);

    api.promptImport = {
      library: { prompts: [...api.prompts.prompts, { id: crypto.randomUUID(), name: 'Poet', text: 'Rhyme.', updatedAt: 2 }], defaultId: TERSE },
      report: { added: ['Poet'], updated: [], skipped: [{ name: 'Pirate', reason: 'already in the library, unchanged.' }] },
    };
    await user.upload(picker, new File(['{}'], 'prompts.json', { type: 'application/json' }));
    expect(await within(dialog).findByText('Imported prompts: 1 added, 0 updated, 1 skipped.')).toBeTruthy();
    expect(within(within(dialog).getByRole('list', { name: 'Skipped prompts' })).getByRole('listitem').textContent).toBe('Pirate: already in the library, unchanged.');
    expect(listed(dialog)).toEqual(['Terse (default)', 'Pirate', 'Poet']);
    expect(api.callsTo('importPrompts').at(-1)).toEqual([{ content: '{}' }]);
  });
});
