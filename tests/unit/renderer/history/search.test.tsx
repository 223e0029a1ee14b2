// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredConversation } from '../../../../shared/ipc';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

const HOSTILE = '<img src=x onerror=alert(1)>';
let api: ScriptedParley;
let volcanoes: StoredConversation;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: 'org/model' };
  volcanoes = api.history.seed({
    title: 'Volcanoes',
    messages: [
      storedMessage({ role: 'user', content: 'Tell me about Iceland.' }),
      storedMessage({ role: 'assistant', content: 'Iceland sits on the Mid-Atlantic Ridge, where magma rises.' }),
      storedMessage({ role: 'user', content: 'And Hawaii?' }),
      storedMessage({ role: 'assistant', content: 'A hotspot feeds Hawaiian magma.' }),
    ],
  });
  api.history.seed({ title: HOSTILE, messages: [storedMessage({ role: 'user', content: `Why does ${HOSTILE} show up in magma logs?` })] });
});
afterEach(cleanup);

async function openApp() {
  renderWith(api);
  await screen.findByRole('button', { name: 'Volcanoes' });
  const user = userEvent.setup();
  return { user, searchbox: screen.getByRole('searchbox', { name: 'Search conversations' }) };
}

const results = () => screen.getByRole('list', { name: 'Search results' });
/** What a screen reader says after the name: the element aria-describedby points at. */
const description = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('search', () => {
  it('asks once typing pauses and shows results in place of the list', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'magma');
    await within(results()).findAllByRole('button');
    expect(api.callsTo('searchConversations')).toEqual([[{ query: 'magma', limit: 50 }]]);
    expect(screen.queryByRole('list', { name: 'Conversations' })).toBeNull();
  });

  it('marks the matched words from the snippet segments', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'hotspot');
    const hit = await within(results()).findByRole('button', { name: 'Volcanoes A hotspot feeds Hawaiian magma.' });
    expect([...hit.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['hotspot']);
  });

  it('shows stored text as text, never as HTML', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'logs');
    const hit = await within(results()).findByRole('button', { name: `${HOSTILE} Why does ${HOSTILE} show up in magma logs?` });
    expect(hit.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(hit.textContent).toContain(HOSTILE);
  });

  it('opens the conversation at the message that matched', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'ridge');
    await user.click(await within(results()).findByRole('button', { name: /Mid-Atlantic Ridge/ }));

    const target = volcanoes.messages[1];
    // Opened through the branch of the message that matched (it may be a hidden version).
    await waitFor(() => expect(api.callsTo('showBranch')).toEqual([[{ conversationId: volcanoes.id, messageId: target?.id }]]));
    const article = await screen.findByText(/Mid-Atlantic Ridge/).then((text) => text.closest('article'));
    expect(article?.dataset.messageId).toBe(target?.id);
    await waitFor(() => expect(article).toBe(document.activeElement));
    expect(article?.classList.contains('highlighted')).toBe(true);
  });

  it('says when nothing matches, and Escape clears the search', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'quasar');
    expect(await screen.findByText('No conversations match')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect((searchbox as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('list', { name: 'Conversations' })).toBeTruthy();
  });

  it('shows why a search failed', async () => {
    const { user, searchbox } = await openApp();
    api.failNext('searchConversations', { code: 'internal', message: 'The search index is being rebuilt.' });
    await user.type(searchbox, 'lava');
    expect((await screen.findByRole('alert')).textContent).toBe('Search failed: The search index is being rebuilt.');
  });

  it('shows one row per conversation, its title marked, with how many messages match and when', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'magma');
    const hits = await within(results()).findAllByRole('button');
    expect(hits).toHaveLength(2);
    const volcanoHit = within(results()).getByRole('button', { name: /^Volcanoes/ });
    expect(description(volcanoHit)).toMatch(/^2 matches · /);
    await user.clear(searchbox);
    await user.type(searchbox, 'volcano');
    const titleHit = await within(results()).findByRole('button', { name: 'Volcanoes' });
    expect([...titleHit.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Volcano']);
    expect(description(titleHit)).toMatch(/^In the title · /);
  });

  it('moves from the search field through the results with the arrow keys, and back with Escape', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'magma');
    const [first, second] = await within(results()).findAllByRole('button');
    // Each key, and where focus is after it: past the last result it stays, ↑ from the first goes back to the field.
    const steps: [string, HTMLElement | undefined][] = [
      ['{ArrowDown}', first],
      ['{ArrowDown}', second],
      ['{ArrowDown}', second],
      ['{ArrowUp}{ArrowUp}', searchbox],
      ['{ArrowUp}', second],
      ['{Escape}', searchbox],
    ];
    for (const [keys, focused] of steps) {
      await user.keyboard(keys);
      expect(document.activeElement, keys).toBe(focused);
    }
    expect((searchbox as HTMLInputElement).value).toBe('magma');
  });

  it('opens the first result with Enter in the search field', async () => {
    const { user, searchbox } = await openApp();
    await user.type(searchbox, 'ridge');
    await within(results()).findByRole('button', { name: /Mid-Atlantic Ridge/ });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(api.callsTo('showBranch')).toEqual([[{ conversationId: volcanoes.id, messageId: volcanoes.messages[1]?.id }]]));
    const article = await screen.findByText(/Mid-Atlantic Ridge/).then((text) => text.closest('article'));
    await waitFor(() => expect(article).toBe(document.activeElement));
  });
});
