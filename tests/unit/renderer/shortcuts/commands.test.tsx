// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

/** A menu item's label, without the key shown at its end (F2, Del). */
const itemLabel = (item: Element | null) => item?.querySelector('.context-menu-label')?.textContent ?? item?.textContent;

giveConversationListHeight();

let api: ScriptedParley;
beforeEach(() => {
  api = new ScriptedParley();
  api.history.seed({ title: 'Older chat', updatedAt: Date.now() - 2_000 });
  api.history.seed({ title: 'Newer chat', updatedAt: Date.now() - 1_000 });
});
afterEach(cleanup);

const ctrl = (key: string, shift = false) => fireEvent.keyDown(window, { key, ctrlKey: true, shiftKey: shift });
const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

async function ready() {
  renderWith(api);
  await screen.findByRole('button', { name: 'Newer chat' });
}

describe('app commands', () => {
  it('the same command from a key or from the menu does the same thing', async () => {
    await ready();
    ctrl('k');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search conversations' }));

    ctrl(',');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    // Behind a dialog the page waits: no second dialog from the menu either.
    act(() => api.sendCommand('shortcuts'));
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await userEvent.setup().keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();

    act(() => api.sendCommand('shortcuts'));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('previous and next walk the sidebar order; Ctrl+N starts a new chat', async () => {
    await ready();
    // Each opens a conversation from main: on a loaded machine that takes longer than findBy's default second.
    const opened = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });
    ctrl(']');
    expect(await opened('Newer chat')).toBeTruthy();
    ctrl(']');
    expect(await opened('Older chat')).toBeTruthy();
    ctrl('[');
    expect(await opened('Newer chat')).toBeTruthy();
    ctrl('n');
    expect(heading()).not.toBe('Newer chat');
  });

  it('Ctrl+Shift+E exports the open conversation, and not a new unsaved one', async () => {
    await ready();
    ctrl('E', true);
    expect(api.callsTo('exportConversation')).toHaveLength(0);
    act(() => api.sendCommand('next-conversation'));
    await screen.findByRole('heading', { level: 1, name: 'Newer chat' });
    ctrl('E', true);
    expect(api.callsTo('exportConversation')).toHaveLength(1);
  });
});

describe('context menus', () => {
  it('Shift+F10 on a conversation opens its menu; arrows move, Escape closes and focus returns', async () => {
    await ready();
    const row = screen.getByRole('button', { name: 'Newer chat' });
    row.focus();
    const user = userEvent.setup();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Conversation actions' });
    expect(within(menu).getAllByRole('menuitem').map(itemLabel)).toEqual(['Rename', 'Pin', 'Export as Markdown', 'Copy as Markdown', 'Delete']);
    expect(itemLabel(document.activeElement)).toBe('Rename');
    await user.keyboard('{ArrowDown}');
    expect(itemLabel(document.activeElement)).toBe('Pin');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(itemLabel(document.activeElement)).toBe('Delete');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(row);
  });

  it('Pin from the menu pins the conversation', async () => {
    await ready();
    fireEvent.contextMenu(screen.getByRole('button', { name: 'Older chat' }), { clientX: 40, clientY: 60 });
    await userEvent.setup().click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Pin' }));
    expect(await screen.findByRole('heading', { name: 'Pinned' })).toBeTruthy();
  });
});
