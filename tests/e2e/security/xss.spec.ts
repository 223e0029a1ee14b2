/**
 * Hostile model and user text, shown everywhere Parley shows text: nothing runs, nothing
 * navigates, nothing reaches another host. The corpus goes through in one message (batched,
 * so the spec stays fast); each place is then checked as a whole.
 */
import type { Page } from '@playwright/test';
import { TITLE_VECTORS, XSS_VECTORS } from '../../fixtures/xssCorpus';
import { expect, lastAnswer, pickModel, send, test } from '../support/fixtures';
import { conversationAction } from '../support/screens';
import { guardPage } from './support/pageGuard';

const MARKER = 'zebrafish';
const CORPUS = [`${MARKER} corpus follows`, ...XSS_VECTORS.map((vector) => vector.text)].join('\n\n');
const MERMAID_BLOCKS = XSS_VECTORS.filter((vector) => vector.text.startsWith('```mermaid')).length;

const conversationLog = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

/** Waits until the answer is complete and every diagram has been drawn or refused. */
async function settledAnswer(page: Page) {
  const answer = lastAnswer(page);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  await expect(answer.getByRole('img', { name: 'Mermaid diagram' }).or(answer.getByText('Diagram could not be drawn'))).toHaveCount(MERMAID_BLOCKS);
  return answer;
}

test('answers, streamed and stored, and search snippets: the corpus stays inert', async ({ chat }) => {
  test.slow();
  const guard = await guardPage(chat);
  await pickModel(chat, 'fake/echo');
  await send(chat, CORPUS);
  const answer = await settledAnswer(chat);
  await expect(answer).toContainText('<script>');
  await expect(answer.getByRole('button', { name: 'Load image' }).first()).toBeVisible();
  // Whatever survived as a link must open through main, never in the window; a spoofed one asks first.
  for (const link of await conversationLog(chat).getByRole('link').all()) {
    await link.click();
    const confirmation = chat.getByRole('alertdialog', { name: /^Open .+\?$/ });
    if (await confirmation.isVisible()) await confirmation.getByRole('button', { name: 'Cancel' }).click();
  }
  await guard.expectInert(conversationLog(chat));

  await sidebar(chat).getByRole('searchbox', { name: 'Search conversations' }).fill(MARKER);
  const results = sidebar(chat).getByRole('list', { name: 'Search results' });
  await expect(results.locator('mark').first()).toHaveText(new RegExp(MARKER, 'i'));
  await guard.expectInert(sidebar(chat));

  // Stored: the same conversation read back from history after a reload.
  await chat.reload();
  await sidebar(chat).getByRole('button', { name: `Chat: ${MARKER} corpus follows`, exact: true }).click();
  await settledAnswer(chat);
  await expect(lastAnswer(chat)).toContainText('<script>');
  await guard.expectInert(conversationLog(chat));
});

test('reasoning: the corpus as a model’s thoughts stays text', async ({ chat }) => {
  const guard = await guardPage(chat);
  await pickModel(chat, 'fake/reasoning-echo');
  await send(chat, CORPUS);
  const answer = lastAnswer(chat);
  await expect(answer).toContainText('Done thinking.');
  await answer.getByText(/^(Thinking|Thought for .+)$/).click();
  await expect(answer).toContainText(XSS_VECTORS[0]?.text ?? '');
  await guard.expectInert(conversationLog(chat));
});

test('titles: a conversation renamed to markup shows the markup as text', async ({ chat }) => {
  const guard = await guardPage(chat);
  await pickModel(chat, 'fake/echo');
  await send(chat, 'name me');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const list = sidebar(chat).getByRole('list', { name: 'Conversations' });
  let current = 'Chat: name me';
  for (const title of TITLE_VECTORS) {
    await conversationAction(chat, current, 'Rename');
    const field = sidebar(chat).getByRole('textbox', { name: 'Conversation title' });
    await field.fill(title);
    await field.press('Enter');
    await expect(list.getByRole('button', { name: title, exact: true })).toBeVisible();
    await expect(chat.getByRole('heading', { level: 1 })).toHaveText(title);
    current = title;
  }
  await guard.expectInert(list);
  await guard.expectInert(chat.getByRole('heading', { level: 1 }));
});
