// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from './scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

async function openSettings() {
  renderWith(api);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Settings' }) };
}

describe('settings', () => {
  it('saves the fields and applies the theme', async () => {
    const { user, dialog } = await openSettings();
    const project = within(dialog).getByLabelText('Team/project');
    await user.type(project, 'acme/chat');
    await user.type(within(dialog).getByLabelText('Default system prompt'), 'Be brief.');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Theme' }), 'Dark');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));

    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    expect(api.callsTo('updateSettings')).toEqual([
      [{ baseURL: 'https://api.inference.wandb.ai/v1', project: 'acme/chat', defaultSystemPrompt: 'Be brief.', theme: 'dark' }],
    ]);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('shows why settings were refused', async () => {
    const { user, dialog } = await openSettings();
    api.failNext('updateSettings', { code: 'invalid-request', message: 'Base URL must be an http(s) URL.' });
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Base URL must be an http(s) URL.');
  });

  it('Escape closes it and focus goes back to the Settings button; Tab stays inside', async () => {
    const { user, dialog } = await openSettings();
    expect(dialog.contains(document.activeElement)).toBe(true);
    for (let i = 0; i < 20; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Settings' })).toBe(document.activeElement);
  });

  it('shows the key status and warns when it is not in a keyring', async () => {
    api.key = { hasKey: true, hint: '1234', backend: 'basic_text', secure: false };
    const { dialog } = await openSettings();
    expect(dialog.textContent).toContain('ends in 1234');
    expect(dialog.textContent).toContain('basic_text');
    expect(dialog.textContent).toContain('without an OS keyring');
  });

  it('replaces the key', async () => {
    const { user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Replace key' }));
    await user.type(within(dialog).getByLabelText('API key'), 'new-key-5678');
    await user.click(within(dialog).getByRole('button', { name: 'Save key' }));
    expect(await within(dialog).findByText(/ends in 5678/)).toBeTruthy();
    expect(within(dialog).queryByLabelText('API key')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Replace key' })).toBe(document.activeElement);
  });

  it('removing the key returns to first run', async () => {
    const { user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Remove key' }));
    expect(await screen.findByRole('heading', { name: 'Connect to W&B Inference' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('removeKey')).toHaveLength(1);
  });
});

describe('notices', () => {
  it('shows notices from main until dismissed', async () => {
    api.noticeList = [{ id: 'n1', level: 'warning', message: 'Your settings file was unreadable and was moved aside.' }];
    renderWith(api);
    const notice = (await screen.findByText(/moved aside/)).closest('[role="status"]');
    expect(notice).not.toBeNull();
    await userEvent.setup().click(within(notice as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/moved aside/)).toBeNull();
  });
});
