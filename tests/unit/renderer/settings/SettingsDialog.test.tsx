// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAVED_MS } from '../../../../renderer/features/settings/useSaveSetting';
import { openSettings as openSettingsOf } from '../support/openSettings';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

const openSettings = (section?: string) => openSettingsOf(api, section);

const sections = (dialog: HTMLElement) => within(within(dialog).getByRole('navigation', { name: 'Settings sections' }));

describe('settings', () => {
  it('applies each change at once: a typed value on Enter, a choice as it is made, each with a quiet Saved', async () => {
    const { user, dialog } = await openSettings();
    const project = within(dialog).getByLabelText('Team/project');
    await user.type(project, 'acme/chat{Enter}');
    expect(api.callsTo('updateSettings')).toEqual([[{ project: 'acme/chat' }]]);
    expect(project).toBe(document.activeElement);
    const projectRow = project.closest('.settings-row') as HTMLElement;
    const saved = within(projectRow).getByRole('status');
    await waitFor(() => expect(saved.textContent).toBe('Saved'));
    // Quiet: it goes away by itself.
    await waitFor(() => expect(saved.textContent).toBe(''), { timeout: SAVED_MS + 2_000 });

    await user.click(sections(dialog).getByRole('button', { name: 'Appearance' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Theme' }), 'Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(api.callsTo('updateSettings').at(-1)).toEqual([{ theme: 'dark' }]);
    expect(api.settings.theme).toBe('dark');
    expect(within(dialog).queryByRole('button', { name: /Save/ })).toBeNull();
  });

  it('saves a typed value when the field is left, and not when nothing changed', async () => {
    const { user, dialog } = await openSettings();
    await user.click(within(dialog).getByLabelText('Base URL'));
    await user.tab();
    expect(api.callsTo('updateSettings')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Team/project'), '  acme/chat  ');
    await user.tab();
    expect(api.callsTo('updateSettings')).toEqual([[{ project: 'acme/chat' }]]);
    expect(api.settings.project).toBe('acme/chat');
  });

  it('a refused value stays in its field with the reason under it', async () => {
    const { user, dialog } = await openSettings();
    api.failNext('updateSettings', { code: 'invalid-request', message: 'Base URL must be an http(s) URL.' });
    const baseURL = within(dialog).getByLabelText('Base URL');
    await user.clear(baseURL);
    await user.type(baseURL, 'ftp://example.com{Enter}');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Base URL must be an http(s) URL.');
    expect(baseURL).toHaveProperty('value', 'ftp://example.com');
    expect(baseURL.getAttribute('aria-invalid')).toBe('true');
    expect(baseURL.getAttribute('aria-describedby')).toContain((await within(dialog).findByRole('alert')).id);
  });

  it('shows one section at a time, marked in the list; it opens on Connection', async () => {
    const { user, dialog } = await openSettings();
    const names = sections(dialog)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['Connection', 'Models and endpoints', 'Tools', 'Appearance', 'Data', 'Shortcuts', 'About']);
    const current = () => sections(dialog).getAllByRole('button').filter((button) => button.getAttribute('aria-current') === 'page');
    expect(current().map((button) => button.textContent)).toEqual(['Connection']);
    expect(current()[0]).toBe(document.activeElement);
    expect(within(dialog).getByRole('heading', { level: 3, name: 'Connection' })).toBeTruthy();
    expect(within(dialog).queryByRole('combobox', { name: 'Theme' })).toBeNull();

    await user.click(sections(dialog).getByRole('button', { name: 'Shortcuts' }));
    expect(current().map((button) => button.textContent)).toEqual(['Shortcuts']);
    expect(within(dialog).getByRole('region', { name: 'Shortcuts' })).toBeTruthy();
    expect(within(dialog).getByRole('rowheader', { name: 'New chat' })).toBeTruthy();
    expect(within(dialog).queryByLabelText('Base URL')).toBeNull();
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

  it('Escape in a field keeps what was typed, then closes', async () => {
    const { user, dialog } = await openSettings();
    await user.type(within(dialog).getByLabelText('Team/project'), 'acme/chat');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('updateSettings')).toEqual([[{ project: 'acme/chat' }]]);
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
    expect(within(dialog).getByText('Key saved.')).toBeTruthy();
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

describe('the settings sections', () => {
  it('groups each page under headings', async () => {
    const { user, dialog } = await openSettings();
    const headings = () => within(dialog).getAllByRole('heading').map((heading) => heading.textContent);
    expect(headings()).toEqual(['Settings', 'Connection', 'Stored key']);
    await user.click(sections(dialog).getByRole('button', { name: 'Models and endpoints' }));
    expect(headings()).toEqual(['Settings', 'Models and endpoints', 'Endpoints']);
    await user.click(sections(dialog).getByRole('button', { name: 'Tools' }));
    expect(headings()).toEqual(['Settings', 'Tools', 'MCP servers']);
    await user.click(sections(dialog).getByRole('button', { name: 'Data' }));
    expect(headings()).toEqual(['Settings', 'Data', 'Conversations', 'Data folder']);
  });

  it('applies text size and the switches at once, and the default model when typed', async () => {
    const { user, dialog } = await openSettings('About');
    const updates = within(dialog).getByRole('checkbox', { name: 'Check for updates automatically' });
    expect(updates).toHaveProperty('checked', false);
    await user.click(updates);
    expect(api.settings.autoUpdate).toBe(true);
    expect(updates).toHaveProperty('checked', true);

    await user.click(sections(dialog).getByRole('button', { name: 'Appearance' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Load remote images automatically' })).toHaveProperty('checked', false);
    expect(within(dialog).getByRole('checkbox', { name: 'Name conversations automatically' })).toHaveProperty('checked', true);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Text size' }), 'Larger');
    expect(document.documentElement.dataset.textSize).toBe('larger');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Load remote images automatically' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Name conversations automatically' }));

    await user.click(sections(dialog).getByRole('button', { name: 'Models and endpoints' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Default model' }), 'fake/echo{Enter}');
    expect(api.settings).toMatchObject({ textSize: 'larger', defaultModel: 'fake/echo', autoUpdate: true, remoteImages: true, autoTitle: false });
  });

  it('two switches flipped quickly both stay as flipped, whichever answer from main comes last', async () => {
    const { user, dialog } = await openSettings('Appearance');
    const names = within(dialog).getByRole('checkbox', { name: 'Name conversations automatically' });
    const images = within(dialog).getByRole('checkbox', { name: 'Load remote images automatically' });
    const releaseFirst = api.holdNextAnswer('updateSettings');
    await user.click(names);
    await user.click(images);
    await waitFor(() => expect(api.callsTo('getSettings').length).toBeGreaterThan(1));
    expect([names, images].map((box) => (box as HTMLInputElement).checked)).toEqual([false, true]);
    // The first answer, sent before main had the second change, arrives last.
    releaseFirst();
    await waitFor(() => expect(within(names.closest('.checkbox-field') as HTMLElement).getByRole('status').textContent).toBe('Saved'));
    expect([names, images].map((box) => (box as HTMLInputElement).checked)).toEqual([false, true]);
    expect(api.settings).toMatchObject({ autoTitle: false, remoteImages: true });
  });

  it('a refused switch goes back and says why', async () => {
    const { user, dialog } = await openSettings('Appearance');
    api.failNext('updateSettings', { code: 'internal', message: 'The settings file could not be written.' });
    const images = within(dialog).getByRole('checkbox', { name: 'Load remote images automatically' });
    await user.click(images);
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The settings file could not be written.');
    expect(images).toHaveProperty('checked', false);
  });

  it('shows the data folder; where it cannot be opened (web mode) it says where it is', async () => {
    const { user, dialog } = await openSettings('Data');
    expect(await within(dialog).findByText('/home/me/.config/Parley')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Open data folder' }));
    expect(await within(dialog).findByText(/cannot open folders here; the folder is \/home\/me\/.config\/Parley/)).toBeTruthy();

    api.canOpenFolder = true;
    await user.click(within(dialog).getByRole('button', { name: 'Open data folder' }));
    expect(api.callsTo('openDataFolder')).toHaveLength(2);
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
