// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { storedMessage } from '../support/memoryHistory';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

const MODEL = 'meta-llama/Llama-3.3-70B-Instruct';
let api: ScriptedParley;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.settings = { ...api.settings, defaultModel: MODEL };
});
afterEach(cleanup);

const log = () => screen.getByRole('log', { name: 'Conversation' });
const articles = () => within(log()).queryAllByRole('article');
const title = () => screen.getByRole('heading', { level: 1 }).textContent;

/** Opens a stored conversation of two turns, the first answer with an earlier version. */
async function openBirds() {
  const birds = api.history.seed({
    title: 'Birds',
    model: MODEL,
    systemPrompt: 'Be brief.',
    messages: [
      storedMessage({ role: 'user', content: 'Name a bird' }),
      storedMessage({ role: 'assistant', content: 'A heron.', versions: [storedMessage({ role: 'assistant', content: 'A pelican.' })] }),
      storedMessage({ role: 'user', content: 'And a fish?' }),
      storedMessage({ role: 'assistant', content: 'A cod.' }),
    ],
  });
  renderWith(api);
  const user = userEvent.setup();
  await user.click(await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole('button', { name: 'Birds' }));
  await waitFor(() => expect(articles()).toHaveLength(4));
  return { user, birds };
}

describe('Fork from here', () => {
  it('opens a new conversation holding the path up to the message; the original stays as it was', async () => {
    const { user, birds } = await openBirds();
    const firstAnswer = articles()[1] as HTMLElement;

    await user.click(within(firstAnswer).getByRole('button', { name: 'Fork from here' }));

    const [request] = api.callsTo('forkConversation')[0] as [{ id: string; messageId: string; forkId: string }];
    expect(request).toMatchObject({ id: birds.id, messageId: firstAnswer.dataset.messageId });
    await waitFor(() => expect(title()).toBe('Birds (fork)'));
    expect(articles().map((article) => article.getAttribute('aria-label'))).toEqual(['You', 'Assistant']);
    const [question, answer] = articles();
    expect(question?.textContent).toContain('Name a bird');
    expect(answer?.textContent).toContain('A heron.');
    // The path only: the earlier version stays with the original.
    expect(within(log()).queryByRole('group', { name: 'Versions' })).toBeNull();
    const list = screen.getByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getByRole('button', { name: 'Birds (fork)' })).toBeTruthy());
    expect(api.history.get(birds.id)).toEqual(birds);
  });

  it('says why when history could not fork, and stays where it was', async () => {
    const { user } = await openBirds();
    api.failNext('forkConversation', { code: 'disk-full', message: 'The disk is full.' });
    await user.click(within(articles()[3] as HTMLElement).getByRole('button', { name: 'Fork from here' }));
    expect((await within(log()).findByRole('alert')).textContent).toContain('Could not fork: The disk is full.');
    expect(title()).toBe('Birds');
    expect(articles()).toHaveLength(4);
  });
});
