// @vitest-environment jsdom
/**
 * What the window shows when the disk under the history fails: a notice as soon as main reports
 * it (in a chat event or a failed call), kept up to date while answers wait for space, offers
 * to back up what can be read or restore a backup, and dismissals that main remembers.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL };
});
afterEach(cleanup);

const noticeWith = (text: RegExp) => screen.findByText(text).then((found) => found.closest('[role="status"]') as HTMLElement);

describe('storage notices', () => {
  it('a full disk mid-answer shows at once, stays while the answer waits in memory, and says when it is saved', async () => {
    renderWith(api);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), 'Tell me a story{Enter}');
    expect(api.callsTo('notices')).toHaveLength(1);

    api.noticeList = [{ id: 'unsaved-answers', level: 'warning', message: 'The disk is full: Parley cannot save an answer, which it keeps in memory.', unsaved: 1 }];
    api.lastChat.delta('Once upon a time');
    api.lastChat.emit({ type: 'unsaved', error: { code: 'disk-full', message: 'The disk is full: Parley cannot save this answer.' } });
    await noticeWith(/The disk is full/);
    // The answer itself goes on and ends as usual.
    api.lastChat.end();
    expect(await screen.findByText('Once upon a time')).toBeTruthy();

    // While it waits, the window asks main again (which retries the save each time).
    api.noticeList = [{ id: 'unsaved-answers', level: 'info', message: 'There is disk space again: Parley saved the answers it was keeping in memory.' }];
    await waitFor(() => expect(screen.queryByText(/There is disk space again/)).not.toBeNull(), { timeout: 6_000 });
    expect(screen.queryByText(/The disk is full/)).toBeNull();
  });

  it('a damaged history: the notice offers Back up what can be read, names what could not be read, and Restore from backup…', async () => {
    api.noticeList = [{ id: 'history-damaged', level: 'warning', message: 'Your history file history.sqlite3 is damaged.', offers: ['back-up', 'choose-backup'] }];
    api.backup = { savedTo: '/home/me/Parley backup.json', download: null, unreadable: [{ id: 'c1', title: 'Trip to Kyoto' }] };
    api.historyBackups = [{ file: '/data/backups/history-v6-20260101-000000.sqlite3', name: 'history-v6-20260101-000000.sqlite3', takenAt: Date.UTC(2026, 0, 1), bytes: 3 * 1024 * 1024 }];
    renderWith(api);
    const user = userEvent.setup();
    const notice = await noticeWith(/is damaged/);

    await user.click(within(notice).getByRole('button', { name: 'Back up what can be read' }));
    expect(await within(notice).findByText(/^Saved to \/home\/me\/Parley backup\.json\. 1 conversation could not be read from the damaged history and is not in it: “Trip to Kyoto”\.$/)).toBeTruthy();

    await user.click(within(notice).getByRole('button', { name: 'Restore from backup…' }));
    const chooser = await screen.findByRole('dialog', { name: 'Restore from backup' });
    const row = within(chooser).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('3 MB');
    await user.click(within(row).getByRole('button', { name: /^Restore the backup of / }));
    await user.click(within(chooser).getByRole('button', { name: 'Restore this backup' }));
    await within(chooser).findByText(/^Restored the backup of /);
    expect(api.callsTo('restoreHistoryBackup')).toEqual([[{ backupFile: '/data/backups/history-v6-20260101-000000.sqlite3' }]]);
  });

  it('a failed call that names a storage problem brings up main’s notice; Dismiss tells main', async () => {
    api.history.seed({ title: 'Damaged one' });
    renderWith(api);
    const user = userEvent.setup();
    api.failNext('getConversation', { code: 'history-damaged', message: 'This is stored in a damaged part of your history file.' });
    api.noticeList = [{ id: 'history-damaged', level: 'warning', message: 'Your history file history.sqlite3 is damaged.', offers: ['back-up'] }];
    await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: 'Damaged one' }));
    const notice = await noticeWith(/is damaged/);
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(api.callsTo('dismissNotice')).toEqual([[{ id: 'history-damaged' }]]);
    expect(screen.queryByText(/is damaged/)).toBeNull();
  });
});
