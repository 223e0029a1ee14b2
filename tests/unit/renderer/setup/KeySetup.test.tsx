// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
  api.key = { hasKey: false, hint: null, backend: 'gnome_libsecret', secure: true };
});
afterEach(cleanup);

async function firstRun() {
  renderWith(api);
  await screen.findByRole('heading', { name: 'Connect to W&B Inference' });
  return userEvent.setup();
}

describe('first run', () => {
  it('saves the key and the team/project, clears the field and opens the chat', async () => {
    const user = await firstRun();
    const keyField = screen.getByLabelText('API key');
    expect(keyField).toHaveProperty('type', 'password');
    expect(keyField).toBe(document.activeElement);
    await user.type(keyField, 'secret-key-9876');
    await user.type(screen.getByLabelText('Team/project'), 'acme/chat');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    expect(await screen.findByRole('combobox', { name: 'Model' })).toBeTruthy();
    expect(api.callsTo('updateSettings')).toEqual([[{ project: 'acme/chat' }]]);
    expect(api.callsTo('saveKey')).toEqual([[{ key: 'secret-key-9876' }]]);
    expect(document.body.textContent).not.toContain('secret-key-9876');
  });

  it('opens the key page through main without navigating', async () => {
    const user = await firstRun();
    await user.click(screen.getByRole('link', { name: 'Get an API key' }));
    expect(api.callsTo('openLink')).toEqual([[{ url: 'https://wandb.ai/authorize' }]]);
    expect(window.location.href).toBe('http://localhost:3000/');
  });

  it('says so when the key is empty, without calling main', async () => {
    const user = await firstRun();
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your API key.');
    expect(api.callsTo('saveKey')).toEqual([]);
  });

  it('asks before storing without a keyring, and stores on consent', async () => {
    const user = await firstRun();
    api.failNext('saveKey', { code: 'insecure-storage', message: 'This system has no keyring; the key would be stored readable.' });
    await user.type(screen.getByLabelText('API key'), 'k-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'No keyring available' });
    expect(dialog.textContent).toContain('This system has no keyring');
    await user.click(within(dialog).getByRole('button', { name: 'Store anyway' }));

    await screen.findByRole('combobox', { name: 'Model' });
    expect(api.callsTo('saveKey')).toEqual([[{ key: 'k-1234' }], [{ key: 'k-1234', allowInsecure: true }]]);
  });

  it('cancelling the consent keeps the key unsaved and returns focus', async () => {
    const user = await firstRun();
    api.failNext('saveKey', { code: 'insecure-storage', message: 'No keyring.' });
    await user.type(screen.getByLabelText('API key'), 'k-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'No keyring available' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBe(document.activeElement);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save key' })).toBe(document.activeElement);
    expect(api.callsTo('saveKey')).toHaveLength(1);
  });

  it('shows other errors as an alert', async () => {
    const user = await firstRun();
    api.failNext('saveKey', { code: 'settings', message: 'The key could not be written.' });
    await user.type(screen.getByLabelText('API key'), 'k-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The key could not be written.');
    expect(screen.getByRole('heading', { name: 'Connect to W&B Inference' })).toBeTruthy();
  });
});
