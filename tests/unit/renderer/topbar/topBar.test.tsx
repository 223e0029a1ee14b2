// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredConversation } from '../../../../shared/ipc';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { topBar, topBarMenu } from '../support/windowParts';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;
let lisbon: StoredConversation;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL };
  lisbon = api.history.seed({
    title: 'Trip to Lisbon',
    model: MODEL,
    systemPrompt: 'You plan trips.',
    messages: [storedMessage({ role: 'user', content: 'Three days in Lisbon?' }), storedMessage({ role: 'assistant', content: 'Start in Alfama.' })],
  });
  api.history.seed({ title: 'Tax questions', model: MODEL });
});
afterEach(cleanup);

/** Opens the app and the conversation named `title` from the sidebar. */
async function openConversation(title: string) {
  renderWith(api);
  const user = userEvent.setup();
  await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: title }));
  await screen.findByRole('heading', { level: 1, name: title });
  return user;
}

const title = () => screen.getByRole('heading', { level: 1 });
const modelChip = () => within(topBar()).getByRole('combobox', { name: 'Model' }) as HTMLInputElement;

describe('the title', () => {
  it('is the open conversation’s, and "New chat" for a chat not saved yet, which has nothing to rename', async () => {
    const user = await openConversation('Trip to Lisbon');
    expect(title().textContent).toBe('Trip to Lisbon');

    await user.click(within(screen.getByRole('navigation', { name: 'Conversations' })).getByRole('button', { name: 'New chat' }));
    await waitFor(() => expect(title().textContent).toBe('New chat'));
    await user.dblClick(title());
    expect(screen.queryByRole('textbox', { name: 'Conversation title' })).toBeNull();
  });

  it('renames by a double-click: Enter saves the new title in history and the sidebar, Escape puts the old one back', async () => {
    const user = await openConversation('Trip to Lisbon');

    await user.dblClick(title());
    const field = within(title()).getByRole('textbox', { name: 'Conversation title' });
    await user.clear(field);
    await user.type(field, 'Lisbon in May{Escape}');
    expect(title().textContent).toBe('Trip to Lisbon');
    expect(api.callsTo('updateConversation')).toEqual([]);

    await user.dblClick(title());
    const again = within(title()).getByRole('textbox', { name: 'Conversation title' });
    await user.clear(again);
    await user.type(again, 'Lisbon in May{Enter}');
    await waitFor(() => expect(title().textContent).toBe('Lisbon in May'));
    expect(api.callsTo('updateConversation')).toEqual([[{ id: lisbon.id, patch: { title: 'Lisbon in May' } }]]);
    expect(within(screen.getByRole('list', { name: 'Conversations' })).getByRole('button', { name: 'Lisbon in May' })).toBeTruthy();
  });
});

describe('as the bar narrows', () => {
  /** jsdom lays nothing out: the bar's width is given here, and its observer told, as a window would. */
  let resized: (() => void)[] = [];
  let barWidth = 1200;
  beforeEach(() => {
    resized = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        private readonly callback: ResizeObserverCallback;
        constructor(callback: ResizeObserverCallback) {
          this.callback = callback;
        }
        observe(target: Element) {
          if (!target.classList.contains('top-bar')) return;
          target.getBoundingClientRect = () => DOMRect.fromRect({ width: barWidth, height: 48 });
          resized.push(() => this.callback([{ target } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver));
        }
        unobserve() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const narrowTo = (width: number) => {
    barWidth = width;
    act(() => resized.forEach((notify) => notify()));
  };

  /** Which of the parts that give way the bar shows, in the order they give way. */
  const shown = () => {
    const bar = topBar();
    return {
      totals: within(bar).queryByRole('group', { name: 'Conversation totals' }) !== null,
      status: !bar.querySelector('.top-bar-status')?.classList.contains('visually-hidden'),
      summary: within(bar).getByRole('button', { name: 'Chat settings' }).textContent === 'System prompt',
    };
  };

  it('gives way in a fixed order, totals first, then the action status, then the Chat settings summary; the totals move into More', async () => {
    const user = await openConversation('Trip to Lisbon');
    expect(shown()).toEqual({ totals: true, status: true, summary: true });
    await user.click(within(topBar()).getByRole('button', { name: 'More' }));
    expect(within(screen.getByRole('menu', { name: 'More' })).queryByRole('group', { name: 'Conversation totals' })).toBeNull();
    await user.keyboard('{Escape}');

    narrowTo(900);
    expect(shown()).toEqual({ totals: false, status: true, summary: true });
    expect(topBarMenu().getByRole('group', { name: 'Conversation totals' }).textContent).toMatch(/^2 messages/);
    await user.keyboard('{Escape}');

    narrowTo(800);
    expect(shown()).toEqual({ totals: false, status: false, summary: true });

    narrowTo(700);
    expect(shown()).toEqual({ totals: false, status: false, summary: false });

    narrowTo(1200);
    expect(shown()).toEqual({ totals: true, status: true, summary: true });
  });
});

describe('the model switcher', () => {
  it('shows the open conversation’s model and switches it for this conversation only', async () => {
    api.history.seed({ title: 'Poems', model: 'deepseek-ai/DeepSeek-R1-0528' });
    const user = await openConversation('Trip to Lisbon');
    expect(modelChip().value).toBe(MODEL);

    await user.click(modelChip());
    await user.click(screen.getByRole('option', { name: 'Qwen/Qwen3-235B-A22B' }));
    expect(modelChip().value).toBe('Qwen/Qwen3-235B-A22B');
    expect(api.callsTo('updateConversation')).toEqual([[{ id: lisbon.id, patch: { model: 'Qwen/Qwen3-235B-A22B' } }]]);

    await user.click(within(screen.getByRole('list', { name: 'Conversations' })).getByRole('button', { name: 'Poems' }));
    await waitFor(() => expect(modelChip().value).toBe('deepseek-ai/DeepSeek-R1-0528'));
    await user.click(within(screen.getByRole('list', { name: 'Conversations' })).getByRole('button', { name: 'Trip to Lisbon' }));
    await waitFor(() => expect(modelChip().value).toBe('Qwen/Qwen3-235B-A22B'));
  });
});
