// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredConversation } from '../../../../shared/ipc';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { recordDownloads } from './downloads';
import { settingsDialog, topBar, topBarMenu } from '../support/windowParts';

let api: ScriptedParley;
let lisbon: StoredConversation;
let taxes: StoredConversation;
let poems: StoredConversation;

giveConversationListHeight();
const { downloads, revoked, urls } = recordDownloads();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: 'org/model' };
  const now = Date.now();
  lisbon = api.history.seed({ title: 'Trip to Lisbon', updatedAt: now, messages: [storedMessage({ role: 'user', content: 'Three days in Lisbon?' })] });
  taxes = api.history.seed({ title: 'Tax questions', updatedAt: now - 1 });
  poems = api.history.seed({ title: 'Old poems', updatedAt: now - 2 });
});
afterEach(cleanup);

async function openApp() {
  renderWith(api);
  await screen.findByRole('button', { name: 'Trip to Lisbon' });
  return userEvent.setup();
}

async function openLisbon() {
  const user = await openApp();
  await user.click(screen.getByRole('button', { name: 'Trip to Lisbon' }));
  await screen.findByText('Three days in Lisbon?');
  return user;
}

const sidebar = () => screen.getByRole('navigation', { name: 'Conversations' });
const header = () => {
  const element = screen.getByRole('heading', { level: 1 }).closest('header');
  if (!element) throw new Error('no conversation header');
  return element;
};

describe('exporting one conversation', () => {
  it('downloads the Markdown file main offers in web mode, and says so', async () => {
    const user = await openLisbon();
    api.exported = { savedTo: null, download: { fileName: 'Trip to Lisbon 2025-01-02.md', mimeType: 'text/markdown', content: '---\ntitle: Trip to Lisbon\n---\n' } };

    await user.click(topBarMenu().getByRole('menuitem', { name: 'Export as Markdown' }));

    await within(header()).findByText('Downloaded Trip to Lisbon 2025-01-02.md');
    expect(api.callsTo('exportConversation')).toEqual([[{ id: lisbon.id }]]);
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(download?.fileName).toBe('Trip to Lisbon 2025-01-02.md');
    expect(download?.blob.type).toBe('text/markdown');
    expect(await download?.blob.text()).toBe('---\ntitle: Trip to Lisbon\n---\n');
    expect(download?.linkRemoved()).toBe(true);
    await waitFor(() => expect(revoked).toEqual(urls()));
  });

  it('says where the save dialog wrote the file, and nothing when it was cancelled', async () => {
    const user = await openLisbon();
    api.exported = { savedTo: '/home/me/Trip to Lisbon.md', download: null };
    await user.click(topBarMenu().getByRole('menuitem', { name: 'Export as Markdown' }));
    expect((await within(header()).findByText('Saved to /home/me/Trip to Lisbon.md')).getAttribute('role')).toBe('status');

    api.exported = { savedTo: null, download: null };
    await user.click(topBarMenu().getByRole('menuitem', { name: 'Export as Markdown' }));
    await waitFor(() => expect(api.callsTo('exportConversation')).toHaveLength(2));
    await waitFor(() => expect(within(header()).queryByText(/Saved to/)).toBeNull());
    expect(downloads).toEqual([]);
  });

  it('copies the Markdown to the clipboard', async () => {
    const user = await openLisbon();
    api.markdown = '# Trip to Lisbon\n\nThree days in Lisbon?\n';

    await user.click(topBarMenu().getByRole('menuitem', { name: 'Copy as Markdown' }));

    await within(header()).findByText('Copied');
    expect(api.callsTo('conversationMarkdown')).toEqual([[{ id: lisbon.id }]]);
    expect(await navigator.clipboard.readText()).toBe('# Trip to Lisbon\n\nThree days in Lisbon?\n');
  });

  it('shows why an export failed', async () => {
    const user = await openLisbon();
    api.failNext('exportConversation', { code: 'internal', message: 'The disk is full.' });
    await user.click(topBarMenu().getByRole('menuitem', { name: 'Export as Markdown' }));
    expect((await within(header()).findByRole('alert')).textContent).toBe('The disk is full.');
  });

  it('offers neither for a new chat that is not saved yet', async () => {
    await openApp();
    // Both live in the top bar's More menu, which has nothing to offer yet.
    expect(within(topBar()).getByRole('button', { name: 'More' })).toHaveProperty('disabled', true);
  });
});

describe('backing up', () => {
  it('downloads the backup in web mode and says where it was saved in the app', async () => {
    const user = await openApp();
    api.backup = { savedTo: null, download: { fileName: 'parley-backup.json', mimeType: 'application/json', content: '{"schemaVersion":1}' }, unreadable: [] };
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Back up' }));
    await within(sidebar()).findByText('Downloaded parley-backup.json');
    expect(downloads.map((download) => download.fileName)).toEqual(['parley-backup.json']);
    expect(await downloads[0]?.blob.text()).toBe('{"schemaVersion":1}');

    api.backup = { savedTo: '/home/me/parley-backup.json', download: null, unreadable: [] };
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Back up' }));
    await within(sidebar()).findByText('Saved to /home/me/parley-backup.json');
    expect(api.callsTo('backUp')).toHaveLength(2);
  });
});

describe('exporting to a folder', () => {
  const dialog = () => screen.getByRole('dialog', { name: 'Exporting conversations' });

  it('exports the selected conversations, shows progress, and cancels on request', async () => {
    const user = await openApp();
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Select' }));
    expect(screen.getByRole('button', { name: 'Export selected' })).toHaveProperty('disabled', true);
    // Ticked out of list order: the export keeps the list's.
    await user.click(screen.getByRole('checkbox', { name: 'Select Old poems' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Trip to Lisbon' }));
    expect(within(sidebar()).getByText('2 selected')).toBeTruthy();
    api.folderStatus = { ...api.folderStatus, done: 1, total: 2 };

    await user.click(screen.getByRole('button', { name: 'Export selected' }));

    expect(api.callsTo('startFolderExport')).toEqual([[{ ids: [lisbon.id, poems.id] }]]);
    await waitFor(() => expect(within(dialog()).getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow')).toBe('1'));
    expect(within(dialog()).getByRole('progressbar').getAttribute('aria-valuemax')).toBe('2');
    // Selection mode ended with the export.
    expect(screen.queryByRole('checkbox', { name: 'Select Old poems' })).toBeNull();

    await user.click(within(dialog()).getByRole('button', { name: 'Cancel export' }));
    expect(api.callsTo('cancelFolderExport')).toEqual([[{ jobId: api.folderJobId }]]);
    api.folderStatus = { ...api.folderStatus, finished: true, cancelled: true, written: 1 };

    await within(dialog()).findByText('Export cancelled after 1 conversation. The files written so far are in /home/me/Parley export');
    const close = within(dialog()).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    await user.click(close);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('exports all, then says how many were written where, and which were skipped and why', async () => {
    const user = await openApp();
    api.folderStatus = { ...api.folderStatus, done: 3, total: 3, finished: true, written: 2, skipped: [{ id: taxes.id, reason: 'the file could not be written' }] };

    await user.click(settingsDialog('Data').getByRole('button', { name: 'Export all' }));

    expect(api.callsTo('startFolderExport')).toEqual([[{ ids: null }]]);
    await within(dialog()).findByText('Exported 2 conversations to /home/me/Parley export');
    const skipped = within(dialog()).getByRole('region', { name: 'Skipped 1' });
    expect(skipped.textContent).toBe('Skipped 1Tax questions: the file could not be written');
  });

  it('does nothing when the folder choice is cancelled, and keeps the selection', async () => {
    const user = await openApp();
    api.folderJobId = null;
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Select' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Tax questions' }));
    await user.click(screen.getByRole('button', { name: 'Export selected' }));

    await waitFor(() => expect(api.callsTo('startFolderExport')).toEqual([[{ ids: [taxes.id] }]]));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Select Tax questions' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Cancel selection' }));
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
