// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings as openSettingsOf } from '../support/openSettings';
import { ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

async function openSettings() {
  const { user, dialog } = await openSettingsOf(api, 'Models and endpoints');
  return { user, settings: dialog };
}

const endpointSelect = () => screen.queryByRole('combobox', { name: 'Endpoint' });

describe('Settings › Endpoints', () => {
  it('an endpoint added in Settings shows in the list and in the chat’s Endpoint selector; removed, both let it go', async () => {
    const { user, settings } = await openSettings();
    expect(endpointSelect()).toBeNull();

    await user.click(within(settings).getByRole('button', { name: 'Add endpoint' }));
    const form = within(settings).getByRole('form', { name: 'Add endpoint' });
    await user.type(within(form).getByLabelText('Name'), 'Local');
    await user.type(within(form).getByLabelText('Base URL'), 'http://127.0.0.1:11434/v1');
    await user.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    const list = within(settings).getByRole('list', { name: 'Endpoints' });
    expect(await within(list).findByRole('listitem', { name: 'Local' })).toBeTruthy();
    expect(api.callsTo('addEndpoint')).toEqual([[{ name: 'Local', baseURL: 'http://127.0.0.1:11434/v1', project: '' }]]);
    // Nothing told the chat: it heard main's change.
    await waitFor(() => expect(endpointSelect()).not.toBeNull());
    expect(within(endpointSelect() as HTMLElement).getAllByRole('option').map((option) => option.textContent)).toEqual(['W&B Inference', 'Local']);

    await user.click(within(list).getByRole('button', { name: 'Remove Local' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Remove “Local”?' })).getByRole('button', { name: 'Remove endpoint' }));
    await waitFor(() => expect(within(list).queryByRole('listitem', { name: 'Local' })).toBeNull());
    await waitFor(() => expect(endpointSelect()).toBeNull());
  });

  it('tests a connection and says what it found', async () => {
    const { user, settings } = await openSettings();
    await user.click(within(settings).getByRole('button', { name: 'Test connection to W&B Inference' }));
    const row = within(within(settings).getByRole('list', { name: 'Endpoints' })).getByRole('listitem', { name: 'W&B Inference' });
    expect((await within(row).findByRole('status')).textContent).toBe('Connected: 1 model: llama3.');
    expect(api.callsTo('testEndpoint')).toEqual([[{ id: 'wandb' }]]);
  });
});
