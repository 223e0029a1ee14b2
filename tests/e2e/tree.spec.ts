/**
 * Conversations as trees (issue 19): Edit on any question and Regenerate on any answer start a
 * branch; ‹ n/m › at a branch point shows each branch whole; what goes to the model is the path
 * shown; all of it survives a restart (a reload in web mode, the history file kept).
 */
import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { conversationButton } from './support/screens';
import { highlighted, searchbox, searchResults } from './support/searchMarks';

/** The user and assistant messages of the last chat request the fake received (auto-title requests aside). */
function lastChatTurns(fake: FakeInferenceServer): string[] {
  const chats = fake.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as { messages: { role: string; content: string }[] });
  const turns = chats.filter((body) => !body.messages.some((m) => m.role === 'system' && m.content.includes('You name conversations')));
  return (turns.at(-1)?.messages ?? []).filter((m) => m.role !== 'system').map((m) => m.content);
}

test('edit the second of four questions, switch between the branches, regenerate the first answer; by keyboard, and after a reload', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  for (const question of ['one', 'two', 'three', 'four']) {
    await send(chat, question);
    await expect(lastAnswer(chat)).toContainText(`You said: ${question}`);
    await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  }
  const log = chat.getByRole('log', { name: 'Conversation' });
  const questions = log.getByRole('article', { name: 'You' });
  const answers = log.getByRole('article', { name: 'Assistant' });
  // Every question can be edited and every answer regenerated.
  await expect(log.getByRole('button', { name: 'Edit' })).toHaveCount(4);
  await expect(log.getByRole('button', { name: 'Regenerate' })).toHaveCount(4);

  // Edit the second question, by keyboard.
  await questions.nth(1).getByRole('button', { name: 'Edit' }).focus();
  await chat.keyboard.press('Enter');
  const box = questions.nth(1).getByRole('textbox', { name: 'Edit message' });
  await box.fill('two, edited');
  await questions.nth(1).getByRole('button', { name: 'Save and send' }).click();
  await expect(lastAnswer(chat)).toContainText('You said: two, edited');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  expect(lastChatTurns(fake)).toEqual(['one', 'You said: one', 'two, edited']);
  await expect(questions).toHaveCount(2);
  const second = questions.nth(1);
  await expect(second.getByLabel('Version 2 of 2')).toBeVisible();

  // ‹ 1/2 ›: the old question comes back with everything after it; the keyboard reaches the switch.
  await second.getByRole('button', { name: 'Delete' }).focus();
  await chat.keyboard.press('Tab');
  await expect(second.getByRole('button', { name: 'Previous version' })).toBeFocused();
  await chat.keyboard.press('Enter');
  await expect(questions).toHaveCount(4);
  await expect(questions.nth(1)).toContainText('two');
  await expect(questions.nth(1).getByLabel('Version 1 of 2')).toBeVisible();
  await expect(lastAnswer(chat)).toContainText('You said: four');
  await questions.nth(1).getByRole('button', { name: 'Next version' }).click();
  await expect(questions).toHaveCount(2);
  await expect(questions.nth(1)).toContainText('two, edited');

  // Regenerate the first answer: a new version, sent with the first question only.
  await answers.first().getByRole('button', { name: 'Regenerate' }).click();
  await expect(answers).toHaveCount(1);
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await expect(lastAnswer(chat).getByLabel('Version 2 of 2')).toBeVisible();
  expect(lastChatTurns(fake)).toEqual(['one']);

  await chat.reload();
  await conversationButton(chat, 'Chat: one').click();
  await expect(questions).toHaveCount(1);
  await expect(lastAnswer(chat).getByLabel('Version 2 of 2')).toBeVisible();
  // The first answer's branch reopens as it was left: on the edited second question.
  await lastAnswer(chat).getByRole('button', { name: 'Previous version' }).click();
  await expect(questions).toHaveCount(2);
  await expect(questions.nth(1)).toContainText('two, edited');
  await questions.nth(1).getByRole('button', { name: 'Previous version' }).click();
  await expect(questions).toHaveCount(4);
  await expect(lastAnswer(chat)).toContainText('You said: four');

  // Deleting the question deletes the branch after it; the other version takes its place.
  await questions.nth(1).getByRole('button', { name: 'Delete' }).click();
  await expect(questions).toHaveCount(2);
  await expect(questions.nth(1)).toContainText('two, edited');
  await expect(questions.nth(1).getByRole('group', { name: 'Versions' })).toHaveCount(0);
  await expect(lastAnswer(chat)).toContainText('You said: two, edited');
});

/** Asks "alpha otters" and "beta walrus", then edits the second question to "beta narwhal": "walrus" is left on the hidden branch. */
async function walrusOnHiddenBranch(chat: Page) {
  await pickModel(chat, 'fake/echo');
  for (const question of ['alpha otters', 'beta walrus']) {
    await send(chat, question);
    await expect(lastAnswer(chat)).toContainText(`You said: ${question}`);
    await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  }
  const questions = chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' });
  await questions.nth(1).getByRole('button', { name: 'Edit' }).click();
  await questions.nth(1).getByRole('textbox', { name: 'Edit message' }).fill('beta narwhal');
  await questions.nth(1).getByRole('button', { name: 'Save and send' }).click();
  await expect(lastAnswer(chat)).toContainText('You said: beta narwhal');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  return questions;
}

/** The hidden branch is shown, its question and answer only, and the searched word marked in view. */
async function expectWalrusBranch(chat: Page, questions: ReturnType<Page['getByRole']>) {
  await expect(questions.nth(1)).toContainText('beta walrus');
  await expect(questions.nth(1).getByLabel('Version 1 of 2')).toBeVisible();
  await expect(questions).toHaveCount(2);
  await expect(lastAnswer(chat)).toContainText('You said: beta walrus');
  await expect.poll(async () => (await highlighted(chat)).texts.includes('walrus') && (await highlighted(chat)).firstInView).toBe(true);
}

test('a search hit on a hidden branch of the conversation already open shows that branch, the word marked', async ({ chat }) => {
  const questions = await walrusOnHiddenBranch(chat);
  await searchbox(chat).fill('walrus');
  await expect(searchResults(chat).getByRole('button')).toHaveCount(1);
  await searchbox(chat).press('Enter');
  await expectWalrusBranch(chat, questions);
});

test.describe('while an answer streams', () => {
  // fake/stall goes silent after two chunks: main must not give up on it before the search is done.
  test.use({ stallTimeoutMs: 120_000 });

  test('a search hit on a hidden branch of the open conversation waits for the answer streaming there, then shows its branch', async ({ chat }) => {
    const questions = await walrusOnHiddenBranch(chat);
    await pickModel(chat, 'fake/stall');
    await send(chat, 'gamma seals');
    await expect(lastAnswer(chat)).toHaveAttribute('aria-busy', 'true');

    await searchbox(chat).fill('walrus');
    await expect(searchResults(chat).getByRole('button')).toHaveCount(1);
    await searchbox(chat).press('Enter');
    // A later search answered over the same connection: a branch switch asked for by the hit would have come first.
    await searchbox(chat).fill('otters');
    await expect(searchResults(chat).getByRole('button', { name: /otters/ })).toHaveCount(1);
    await expect(questions).toHaveCount(3);
    await expect(questions.nth(1)).toContainText('beta narwhal');
    await expect(lastAnswer(chat)).toHaveAttribute('aria-busy', 'true');

    await chat.getByRole('button', { name: 'Stop' }).click();
    await expectWalrusBranch(chat, questions);
  });
});
