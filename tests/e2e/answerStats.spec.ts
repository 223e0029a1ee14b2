import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';

test('an answer shows how long it thought and how fast it came; the conversation its totals', async ({ chat }) => {
  await pickModel(chat, 'fake/slow-reasoning');
  await send(chat, 'Think it over');
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer).toContainText('You said: Think it over');
  // Ten thoughts 100 ms apart: about a second, timed in the window.
  await expect(answer.getByText(/^Thought for (0\.[89]|1\.\d) s$/)).toBeVisible();
  await expect(answer.getByText(/tokens in · \d+ out · first token \d+\.\d s · \d+\.\d s total · [\d.]+ tokens\/s/)).toBeVisible();
  await expect(chat.getByRole('group', { name: 'Conversation totals' })).toHaveText(/^2 messages · \d+ tokens in · \d+ out$/);
});
