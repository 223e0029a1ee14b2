/**
 * Conversations as trees (issue 19). So far: Continue, which asks the model to go on with an
 * answer that ended early and appends what it writes to the same answer, and Fork from here,
 * which starts a new conversation with the path up to a message.
 */
import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { conversationButton } from './support/screens';
import { expectScreen } from './support/visual';

/** The messages of the last chat request the fake received (auto-title requests aside). */
function lastChatMessages(fake: FakeInferenceServer): { role: string; content: string }[] {
  const chats = fake.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as { messages: { role: string; content: string }[] });
  const turns = chats.filter((body) => !body.messages.some((m) => m.role === 'system' && m.content.includes('You name conversations')));
  return turns.at(-1)?.messages ?? [];
}

test('Continue goes on with an answer cut at the length limit, in the same answer, by keyboard, and it survives a reload', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/length');
  await send(chat, 'Tell me a story');
  const answer = lastAnswer(chat);
  await expect(answer).toContainText('You said: Tell me a story. And there is more');
  await expect(answer).toContainText('Stopped at the length limit');
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  const usageBefore = await answer.locator('.message-usage').innerText();

  // The keyboard reaches it from the answer's other actions.
  const continueButton = answer.getByRole('button', { name: 'Continue' });
  await answer.getByRole('button', { name: 'Regenerate' }).focus();
  await chat.keyboard.press('Tab');
  await expect(continueButton).toBeFocused();
  await chat.keyboard.press('Enter');

  const whole = 'You said: Tell me a story. And there is more to say: the end.';
  await expect(answer).toContainText(whole);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer).not.toContainText('length limit');
  await expect(answer.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  // Exactly what was shown went out: the question, then the answer so far as the last message.
  expect(lastChatMessages(fake).slice(-2)).toEqual([
    { role: 'user', content: 'Tell me a story' },
    { role: 'assistant', content: 'You said: Tell me a story. And there is more' },
  ]);
  const log = chat.getByRole('log', { name: 'Conversation' });
  await expect(log.getByRole('article', { name: 'Assistant' })).toHaveCount(1);
  // Both requests were billed: the answer's tokens grew.
  const tokens = (text: string) => Number(/(\d+) tokens in · (\d+) out/.exec(text)?.slice(1).reduce((sum, n) => sum + Number(n), 0));
  expect(tokens(await answer.locator('.message-usage').innerText())).toBeGreaterThan(tokens(usageBefore));

  await chat.reload();
  await conversationButton(chat, 'Chat: Tell me a story').click();
  await expect(lastAnswer(chat)).toContainText(whole);
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' })).toHaveCount(1);
  await expect(lastAnswer(chat).getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('a dropped stream offers Continue beside Retry; continuing keeps the partial text and the callout goes', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/drop');
  await send(chat, 'Start answering');
  const answer = lastAnswer(chat);
  const callout = answer.getByRole('alert');
  await expect(callout).toContainText('The connection dropped');
  await expect(callout.getByRole('button')).toHaveText(['Continue', 'Retry']);
  await expectScreen(chat, 'continue-dropped');

  // Another model goes on from where the first was cut.
  await pickModel(chat, 'fake/length');
  await callout.getByRole('button', { name: 'Continue' }).click();
  await expect(answer).toContainText('Half an answer to say: the end.');
  await expect(answer.getByRole('alert')).toHaveCount(0);
  expect(lastChatMessages(fake).at(-1)).toEqual({ role: 'assistant', content: 'Half an answer' });
});

test('Fork from here opens a new conversation with the path up to the message, by keyboard; the original is unchanged, both kept after a reload', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await send(chat, 'First question');
  await expect(lastAnswer(chat)).toContainText('You said: First question');
  await send(chat, 'Second question');
  await expect(lastAnswer(chat)).toContainText('You said: Second question');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const log = chat.getByRole('log', { name: 'Conversation' });
  const title = chat.getByRole('heading', { level: 1 });
  await expect(title).toHaveText('Chat: First question');

  // From the first answer's Regenerate, Tab reaches Fork from here.
  const firstAnswer = log.getByRole('article', { name: 'Assistant' }).first();
  await firstAnswer.getByRole('button', { name: 'Regenerate' }).focus();
  await chat.keyboard.press('Tab');
  await expect(firstAnswer.getByRole('button', { name: 'Fork from here' })).toBeFocused();
  await chat.keyboard.press('Enter');

  await expect(title).toHaveText('Chat: First question (fork)');
  await expect(log.getByRole('article')).toHaveCount(2);
  await expect(lastAnswer(chat)).toContainText('You said: First question');
  await expect(chat.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/echo');
  // It goes on as a conversation of its own.
  await send(chat, 'A question only the fork has');
  await expect(lastAnswer(chat)).toContainText('You said: A question only the fork has');
  await expect(log.getByRole('article')).toHaveCount(4);

  await chat.reload();
  await conversationButton(chat, 'Chat: First question').click();
  await expect(log.getByRole('article')).toHaveCount(4);
  await expect(log).not.toContainText('A question only the fork has');
  await conversationButton(chat, 'Chat: First question (fork)').click();
  await expect(log.getByRole('article')).toHaveCount(4);
  await expect(log).toContainText('A question only the fork has');
  await expect(log).not.toContainText('Second question');
});
