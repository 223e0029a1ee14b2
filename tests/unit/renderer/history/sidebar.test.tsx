// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredConversation } from '../../../../shared/ipc';
import { startOfDay } from '../../../../renderer/features/history/groupConversations';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { rowMenu, systemPromptField } from '../support/windowParts';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;
let lisbon: StoredConversation;
let taxes: StoredConversation;
let poems: StoredConversation;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL, defaultSystemPrompt: 'Be brief.' };
  const today = startOfDay(Date.now());
  lisbon = api.history.seed({
    title: 'Trip to Lisbon',
    model: 'Qwen/Qwen3-235B-A22B',
    systemPrompt: 'You plan trips.',
    updatedAt: today + 2,
    messages: [storedMessage({ role: 'user', content: 'Three days in Lisbon?' }), storedMessage({ role: 'assistant', content: 'Start in Alfama.' })],
  });
  taxes = api.history.seed({ title: 'Tax questions', updatedAt: today + 1 });
  poems = api.history.seed({ title: 'Old poems', updatedAt: startOfDay(Date.now(), 30) });
});
afterEach(cleanup);

async function openApp() {
  renderWith(api);
  await screen.findByRole('button', { name: 'Trip to Lisbon' });
  return userEvent.setup();
}

const list = () => screen.getByRole('list', { name: 'Conversations' });
const conversationButton = (name: string) => within(list()).getByRole('button', { name });
const row = (name: string) => {
  const item = conversationButton(name).closest('li');
  if (!item) throw new Error(`no row for ${name}`);
  return item;
};
/** Group headings and conversation names, in order. */
const outline = () =>
  within(list())
    .getAllByRole('listitem')
    .map((item) => within(item).queryByRole('heading')?.textContent ?? within(item).getAllByRole('button')[0]?.textContent);

describe('sidebar', () => {
  it('lists conversations in groups, newest first, inside the Conversations navigation', async () => {
    await openApp();
    expect(screen.getByRole('navigation', { name: 'Conversations' }).contains(list())).toBe(true);
    expect(outline()).toEqual(['Today', 'Trip to Lisbon', 'Tax questions', 'Older', 'Old poems']);
    expect(api.callsTo('listConversations')).toEqual([[{ offset: 0, limit: 500 }]]);
  });

  it('opens a conversation with its own model and system prompt, and marks it as the current one', async () => {
    const user = await openApp();
    await user.click(conversationButton('Trip to Lisbon'));

    const log = screen.getByRole('log', { name: 'Conversation' });
    await within(log).findByText('Start in Alfama.');
    expect(api.callsTo('getConversation')).toEqual([[{ id: lisbon.id }]]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Trip to Lisbon');
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLInputElement).value).toBe('Qwen/Qwen3-235B-A22B');
    expect(systemPromptField().value).toBe('You plan trips.');
    expect(conversationButton('Trip to Lisbon').getAttribute('aria-current')).toBe('page');
    expect(conversationButton('Tax questions').getAttribute('aria-current')).toBeNull();
  });

  it('renames in place: Enter saves, Escape puts the old title back', async () => {
    const user = await openApp();
    await user.click(rowMenu(row('Tax questions')).getByRole('menuitem', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Conversation title' });
    expect(field).toBe(document.activeElement);
    await user.clear(field);
    await user.type(field, 'Taxes 2025{Enter}');

    expect(conversationButton('Taxes 2025')).toBe(document.activeElement);
    expect(api.callsTo('updateConversation')).toEqual([[{ id: taxes.id, patch: { title: 'Taxes 2025' } }]]);

    await user.keyboard('{F2}');
    await user.type(screen.getByRole('textbox', { name: 'Conversation title' }), 'Something else{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Conversation title' })).toBeNull();
    expect(conversationButton('Taxes 2025')).toBe(document.activeElement);
    expect(api.callsTo('updateConversation')).toHaveLength(1);
  });

  it('shows the error and the old title when a rename fails', async () => {
    const user = await openApp();
    api.failNext('updateConversation', { code: 'internal', message: 'The database is locked.' });
    await user.click(rowMenu(row('Tax questions')).getByRole('menuitem', { name: 'Rename' }));
    await user.type(screen.getByRole('textbox', { name: 'Conversation title' }), ' (new){Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Could not rename the conversation: The database is locked.');
    expect(conversationButton('Tax questions')).toBeTruthy();
  });

  it('pinning moves a conversation to Pinned, unpinning moves it back', async () => {
    const user = await openApp();
    await user.click(rowMenu(row('Old poems')).getByRole('menuitem', { name: 'Pin' }));
    expect(outline()).toEqual(['Pinned', 'Old poems', 'Today', 'Trip to Lisbon', 'Tax questions']);
    expect(api.callsTo('updateConversation')).toEqual([[{ id: poems.id, patch: { pinned: true } }]]);

    await user.click(rowMenu(row('Old poems')).getByRole('menuitem', { name: 'Unpin' }));
    expect(outline()).toEqual(['Today', 'Trip to Lisbon', 'Tax questions', 'Older', 'Old poems']);
  });

  it('deletes at once and Undo brings the conversation back', async () => {
    const user = await openApp();
    await user.click(rowMenu(row('Tax questions')).getByRole('menuitem', { name: 'Delete' }));
    expect(within(list()).queryByRole('button', { name: 'Tax questions' })).toBeNull();
    const toast = screen.getByText('Conversation deleted').closest('[role="status"]');
    expect(toast).toBeTruthy();
    expect(api.callsTo('deleteConversation')).toEqual([[{ id: taxes.id }]]);

    await user.click(within(toast as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(await within(list()).findByRole('button', { name: 'Tax questions' })).toBeTruthy();
    expect(api.callsTo('restoreConversation')).toEqual([[{ id: taxes.id }]]);
    expect(screen.queryByText('Conversation deleted')).toBeNull();
  });

  it('deleting the open conversation opens a new empty chat', async () => {
    const user = await openApp();
    await user.click(conversationButton('Trip to Lisbon'));
    await screen.findByText('Start in Alfama.');
    await user.click(rowMenu(row('Trip to Lisbon')).getByRole('menuitem', { name: 'Delete' }));

    expect(screen.queryAllByRole('article')).toEqual([]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('New chat');
    expect(systemPromptField().value).toBe('Be brief.');
  });

  it('moves with Up, Down, Home and End, opens with Enter, renames with F2 and deletes with Delete', async () => {
    const user = await openApp();
    // One row is in the Tab order: Tab from the search box lands on it.
    await user.click(screen.getByRole('searchbox', { name: 'Search conversations' }));
    await user.tab();
    expect(conversationButton('Trip to Lisbon')).toBe(document.activeElement);
    // The row's button and its More button.
    expect(within(list()).getAllByRole('button').filter((button) => button.tabIndex === 0)).toHaveLength(2);

    await user.keyboard('{ArrowDown}');
    expect(conversationButton('Tax questions')).toBe(document.activeElement);
    await user.keyboard('{ArrowDown}');
    expect(conversationButton('Old poems')).toBe(document.activeElement);
    await user.keyboard('{ArrowDown}');
    expect(conversationButton('Old poems')).toBe(document.activeElement);
    await user.keyboard('{Home}');
    expect(conversationButton('Trip to Lisbon')).toBe(document.activeElement);
    await user.keyboard('{End}');
    expect(conversationButton('Old poems')).toBe(document.activeElement);
    await user.keyboard('{ArrowUp}');
    expect(conversationButton('Tax questions')).toBe(document.activeElement);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(conversationButton('Tax questions').getAttribute('aria-current')).toBe('page'));
    expect(api.callsTo('getConversation')).toEqual([[{ id: taxes.id }]]);

    // Opening it puts focus in the composer; back on its row, F2 renames it.
    act(() => conversationButton('Tax questions').focus());
    await user.keyboard('{F2}');
    expect(screen.getByRole('textbox', { name: 'Conversation title' })).toBe(document.activeElement);
    await user.keyboard('{Escape}');

    await user.keyboard('{Delete}');
    expect(api.callsTo('deleteConversation')).toEqual([[{ id: taxes.id }]]);
    // It was the open one: a new chat starts, ready to type in.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toBe(document.activeElement));
  });

  it('keeps keyboard focus in the list when a row’s menu pins or deletes it', async () => {
    const user = await openApp();
    await user.click(screen.getByRole('searchbox', { name: 'Search conversations' }));
    await user.tab();
    await user.keyboard('{End}');
    await user.tab();
    expect(within(row('Old poems')).getByRole('button', { name: 'Conversation actions' })).toBe(document.activeElement);
    await user.keyboard('{Enter}');
    expect(within(screen.getByRole('menu', { name: 'Conversation actions' })).getByRole('menuitem', { name: 'Rename' })).toBe(document.activeElement);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(outline()[1]).toBe('Old poems');
    expect(conversationButton('Old poems')).toBe(document.activeElement);

    await user.tab();
    await user.keyboard('{Enter}{End}');
    expect(within(screen.getByRole('menu', { name: 'Conversation actions' })).getByRole('menuitem', { name: 'Delete' })).toBe(document.activeElement);
    await user.keyboard('{Enter}');
    expect(conversationButton('Trip to Lisbon')).toBe(document.activeElement);
  });

  it('loads every page, showing the first at once', async () => {
    const day = startOfDay(Date.now(), 40);
    for (let index = 0; index < 1_100; index += 1) api.history.seed({ title: `Archived ${index}`, updatedAt: day - index * 1_000 });
    renderWith(api);
    await screen.findByRole('button', { name: 'Trip to Lisbon' });
    await waitFor(() => expect(api.callsTo('listConversations')).toHaveLength(3));
    expect(api.callsTo('listConversations')).toEqual([[{ offset: 0, limit: 500 }], [{ offset: 500, limit: 500 }], [{ offset: 1000, limit: 500 }]]);
    // Virtualized: a few dozen rows exist, not a thousand.
    expect(within(list()).getAllByRole('listitem').length).toBeLessThan(60);
  });

  it('says so when the list cannot be read, and tries again', async () => {
    api.failNext('listConversations', { code: 'internal', message: 'The history database could not be opened.' });
    renderWith(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The history database could not be opened.');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Trip to Lisbon' })).toBeTruthy();
  });
});
