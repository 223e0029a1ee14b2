/**
 * Ten conversations streaming at once, the user hopping between them meanwhile: every answer
 * lands, whole, in its own conversation.
 */
import type { Page } from '@playwright/test';
import { expect, lastAnswer, pickModel, send, test } from '../support/fixtures';

const COUNT = 10;
const questions = Array.from({ length: COUNT }, (_, i) => `load ${i + 1}`);
/**
 * Each answer streams for 20 s, so all ten still stream while they are sent and visited, even on a
 * busy machine where a send takes a second or more (at the default 5 s the first ones had ended).
 */
const TICKS = 200;
/** The fake's slow echo ends with this chunk. */
const LAST_TICK = `tick${TICKS}`;

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
/** A conversation's sidebar button: named after the question, then "Chat: <question>" once titled. */
const conversation = (page: Page, question: string) =>
  sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: new RegExp(`^(Chat: )?${question}$`) });

test('ten conversations stream at once; switching between them; each answer lands in its own', async ({ chat, fake }) => {
  test.slow();
  fake.slowEchoTicks = TICKS;
  await pickModel(chat, 'fake/slow-echo');
  for (const question of questions) {
    await sidebar(chat).getByRole('button', { name: 'New chat', exact: true }).click();
    await send(chat, question);
    await expect(lastAnswer(chat)).toContainText(`You said: ${question}`);
  }

  // Hop around while they stream: each shows its own answer, still arriving.
  for (const question of [questions[2], questions[7], questions[0], questions[5]] as string[]) {
    await conversation(chat, question).click();
    await expect(lastAnswer(chat)).toContainText(`You said: ${question}`);
    await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' })).toHaveCount(1);
  }
  await expect(lastAnswer(chat)).toHaveAttribute('aria-busy', 'true');

  // The last one sent finishes last; a reload before that would stop the others (a closed tab cancels).
  await conversation(chat, questions[COUNT - 1] as string).click();
  await expect(lastAnswer(chat)).toContainText(LAST_TICK, { timeout: 60_000 });
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');

  // Each conversation, read back from history, holds exactly its own complete answer.
  await chat.reload();
  for (const question of questions) {
    await conversation(chat, question).click();
    const answer = lastAnswer(chat);
    await expect(answer).toContainText(`You said: ${question} tick1 tick2`);
    await expect(answer).toContainText(LAST_TICK);
    await expect(answer).not.toContainText('Stopped');
    await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' })).toHaveCount(1);
  }
});
