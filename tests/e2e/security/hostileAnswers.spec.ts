/**
 * Answers built to hurt the window (issue 15, items 7–9): nesting deep enough to overflow a
 * recursive renderer, links that show one address and open another. The window stays, the answer
 * stays readable, streamed, read back after a reload, and exported and imported again.
 */
import type { Page } from '@playwright/test';
import { expect, lastAnswer, pickModel, send, test } from '../support/fixtures';
import { conversationAction, conversationButton, topBarAction } from '../support/screens';
import { savedText } from '../support/transfer';

const DEEP = ['deep nesting:', `${'>'.repeat(5_000)} quotes bottom`, `${'- '.repeat(2_000)}lists bottom`, `${'*'.repeat(3_000)}emphasis bottom${'*'.repeat(3_000)}`].join('\n\n');
const TITLE = 'Chat: deep nesting:';

/** The answer shows its text, no "could not be displayed", and the window still answers. */
async function expectReadable(page: Page) {
  const answer = lastAnswer(page);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  for (const word of ['quotes bottom', 'lists bottom', 'emphasis bottom']) await expect(answer).toContainText(word);
  await expect(answer).toContainText('>>>>>>>>>>');
  await expect(page.getByText('This answer could not be displayed.')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEditable();
}

test('a deeply nested answer renders, past the limit as text: streamed, reloaded, exported and imported', async ({ chat, parley, runtime, dataDir }) => {
  test.slow();
  await pickModel(chat, 'fake/echo');
  await send(chat, DEEP);
  await expectReadable(chat);
  await send(chat, 'still here');
  await expect(lastAnswer(chat)).toContainText('You said: still here');

  await chat.reload();
  await conversationButton(chat, TITLE).click();
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' }).first()).toContainText('quotes bottom');

  const markdown = await savedText(chat, parley, runtime, `${dataDir}/deep.md`, () => topBarAction(chat, 'Export as Markdown'));
  expect(markdown).toContain('>'.repeat(5_000));
  await conversationAction(chat, TITLE, 'Delete');
  await expect(conversationButton(chat, TITLE)).toHaveCount(0);
  await chat.evaluate(async (text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'deep.md', { type: 'text/markdown' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, markdown);
  const dialog = chat.getByRole('dialog', { name: 'Import conversations' });
  await expect(dialog).toContainText('Imported 1 conversation');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await conversationButton(chat, TITLE).click();
  const answers = chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' });
  await expect(answers.first()).toContainText('lists bottom');
  await expect(chat.getByText('This answer could not be displayed.')).toHaveCount(0);
});

test('a link whose text names another host shows the real one and asks before opening', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await send(chat, 'links:\n\n[https://good.example/login](https://evil.invalid/phish "https://good.example/login") and [the docs](https://wandb.ai/site)');
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  const spoofed = answer.getByRole('link', { name: 'https://good.example/login' });
  await expect(spoofed).toHaveAttribute('title', /^Opens evil\.invalid, not good\.example\nhttps:\/\/evil\.invalid\/phish$/);
  await expect(answer).toContainText('(opens evil.invalid)');

  const url = chat.url();
  await spoofed.click();
  const confirmation = chat.getByRole('alertdialog', { name: 'Open evil.invalid?' });
  await expect(confirmation).toContainText('This link shows good.example, but it opens evil.invalid');
  await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await chat.keyboard.press('Escape');
  await expect(confirmation).toHaveCount(0);
  await expect(spoofed).toBeFocused();

  // A link that says where it goes opens without a question.
  await answer.getByRole('link', { name: 'the docs' }).click();
  await expect(chat.getByRole('alertdialog')).toHaveCount(0);
  expect(chat.url()).toBe(url);
});
