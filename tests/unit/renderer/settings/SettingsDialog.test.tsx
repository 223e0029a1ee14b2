// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import { openSettings as openSettingsOf } from '../support/openSettings';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

const openSettings = () => openSettingsOf(api);

describe('settings', () => {
  it('saves the fields and applies the theme', async () => {
    const { user, dialog } = await openSettings();
    const project = within(dialog).getByLabelText('Team/project');
    await user.type(project, 'acme/chat');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Theme' }), 'Dark');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));

    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    // The default prompt and parameters have their own places (Prompts, Parameters), not this form.
    const { baseURL, defaultModel, textSize, autoTitle, autoUpdate, remoteImages } = DEFAULT_SETTINGS;
    expect(api.callsTo('updateSettings')).toEqual([[{ baseURL, project: 'acme/chat', defaultModel, theme: 'dark', textSize, autoTitle, autoUpdate, remoteImages }]]);
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

describe('the settings screen', () => {
  it('groups its settings under headings', async () => {
    const { dialog } = await openSettings();
    const headings = within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Connection', 'New chats', 'Appearance', 'Privacy and updates', 'Stored key', 'Endpoints', 'Tools', 'Conversations', 'Data']);
  });

  it('saves text size, default model and the three switches; text size applies at once', async () => {
    const { user, dialog } = await openSettings();
    expect(within(dialog).getByRole('checkbox', { name: 'Check for updates automatically' })).toHaveProperty('checked', false);
    expect(within(dialog).getByRole('checkbox', { name: 'Load remote images automatically' })).toHaveProperty('checked', false);
    expect(within(dialog).getByRole('checkbox', { name: 'Name conversations automatically' })).toHaveProperty('checked', true);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Text size' }), 'Larger');
    await user.type(within(dialog).getByRole('textbox', { name: 'Default model' }), 'fake/echo');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Check for updates automatically' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Load remote images automatically' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Name conversations automatically' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));

    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    expect(api.settings).toMatchObject({ textSize: 'larger', defaultModel: 'fake/echo', autoUpdate: true, remoteImages: true, autoTitle: false });
    expect(document.documentElement.dataset.textSize).toBe('larger');
  });

  it('shows the data folder; where it cannot be opened (web mode) it says where it is', async () => {
    const { user, dialog } = await openSettings();
    expect(await within(dialog).findByText('/home/me/.config/Parley')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Open data folder' }));
    expect(await within(dialog).findByText(/cannot open folders here; the folder is \/home\/me\/.config\/Parley/)).toBeTruthy();

    api.canOpenFolder = true;
    await user.click(within(dialog).getByRole('button', { name: 'Open data folder' }));
    expect(api.callsTo('openDataFolder')).toHaveLength(2);
  });

  it('opens the keyboard shortcuts sheet over it, and Escape goes back to the settings', async () => {
    const { user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Keyboard shortcuts' }));
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByRole('rowheader', { name: 'New chat' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });
});

describe('the update notice', () => {
  it('shows when main says an update is ready, and Restart now installs it', async () => {
    renderWith(api);
    await screen.findByRole('button', { name: 'Settings' });
    expect(screen.queryByText(/ready — restart to update/)).toBeNull();

    api.update = { ready: true, version: '2.0.0' };
    api.sendCommand('update-ready');
    expect(await screen.findByText('Parley 2.0.0 is ready — restart to update.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Restart now' }));
    expect(api.callsTo('installUpdate')).toHaveLength(1);
  });
});
