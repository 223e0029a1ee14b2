import type { Locator } from '@playwright/test';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, test } from './support/fixtures';
import { chatOnce, conversationButton } from './support/screens';

/** The chat's usage line once an answer has ended: tokens, first token, total time. */
const FINAL_STATS = /\d+ tokens in · \d+ out · first token \d+\.\d s · \d+\.\d s total/;
const versionCounter = (message: Locator, shown: number, count: number) => message.getByLabel(`Version ${shown} of ${count}`);

test('compare three models, stop the slow one, go on with the second answer; after a restart the others are its versions', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Hello first');
  await chat.getByRole('textbox', { name: 'Message' }).fill('Name a bird');
  await chat.getByRole('button', { name: 'Compare', exact: true }).click();

  const dialog = chat.getByRole('dialog', { name: 'Compare models' });
  // The conversation's model and the composer's draft are where Compare starts.
  await expect(dialog.getByRole('group', { name: 'Model 1' }).getByRole('combobox', { name: 'Model' })).toHaveValue('fake/echo');
  await expect(dialog.getByLabel('Prompt')).toHaveValue('Name a bird');
  await expect(dialog.getByRole('button', { name: 'Send to all' })).toBeDisabled();
  await pickModel(dialog.getByRole('group', { name: 'Model 2' }), 'fake/reasoning');
  await dialog.getByRole('button', { name: 'Add model' }).click();
  await pickModel(dialog.getByRole('group', { name: 'Model 3' }), 'fake/slow');
  await dialog.getByRole('button', { name: 'Send to all' }).click();

  const echo = dialog.getByRole('region', { name: 'fake/echo' });
  const reasoning = dialog.getByRole('region', { name: 'fake/reasoning' });
  const slow = dialog.getByRole('region', { name: 'fake/slow' });
  // The slow model streams for seconds: its time to first token and its speed show while it does.
  await expect(slow).toContainText('word2');
  await expect(slow.getByText(/^first token \d+\.\d s · ≈ [\d.]+ tokens\/s$/)).toBeVisible();
  await slow.getByRole('button', { name: 'Stop fake/slow' }).click();
  await expect(slow.getByText('Stopped')).toBeVisible();
  await expect(slow).not.toContainText('word40');
  await expect(dialog.getByRole('button', { name: 'Stop all' })).toHaveCount(0);

  // Each model saw the conversation so far, then the prompt.
  await expect(echo).toContainText('You said: Name a bird');
  await expect(reasoning.getByText(/^Thought for .+$/)).toBeVisible();
  await expect(reasoning).toContainText('You said: Name a bird');
  for (const column of [echo, reasoning]) await expect(column.getByText(FINAL_STATS)).toBeVisible();
  await expect(slow.getByText(/first token \d+\.\d s · \d+\.\d s total/)).toBeVisible();
  // Fake models have no published price: no cost rather than a wrong "$0".
  await expect(dialog).not.toContainText('$');

  await reasoning.getByRole('button', { name: 'Use this answer' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  const log = chat.getByRole('log', { name: 'Conversation' });
  await expect(log.getByRole('article', { name: 'You' }).last()).toHaveText(/Name a bird/);
  // The thread names the model where it changes (its short name; the full id on hover).
  await expect(lastAnswer(chat).getByText('Switched to reasoning')).toBeVisible();
  await expect(versionCounter(lastAnswer(chat), 3, 3)).toBeVisible();
  // Going on with the chosen answer is going on with its model.
  await expect(chat.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/reasoning');

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await conversationButton(page, 'Chat: Hello first').click();
  const answer = lastAnswer(page);
  await expect(answer).toContainText('You said: Name a bird');
  await expect(answer.getByText('Switched to reasoning')).toBeVisible();
  await expect(answer.getByText(FINAL_STATS)).toBeVisible();
  await expect(versionCounter(answer, 3, 3)).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(versionCounter(answer, 2, 3)).toBeVisible();
  await expect(answer.getByText('slow', { exact: true })).toBeVisible();
  await expect(answer).toContainText('word1');
  await expect(answer.getByText('Stopped')).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(versionCounter(answer, 1, 3)).toBeVisible();
  await expect(answer.getByText('echo', { exact: true })).toBeVisible();
  await expect(answer.getByText(FINAL_STATS)).toBeVisible();
});

test('a failing model does not stop the others; closing asks first and gives the prompt back', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  await chat.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = chat.getByRole('dialog', { name: 'Compare models' });
  await pickModel(dialog.getByRole('group', { name: 'Model 2' }), 'fake/error-404');
  await dialog.getByLabel('Prompt').fill('Which is better?');
  await dialog.getByRole('button', { name: 'Send to all' }).click();

  await expect(dialog.getByRole('region', { name: 'fake/error-404' }).getByRole('alert')).toContainText(/model/i);
  await expect(dialog.getByRole('region', { name: 'fake/echo' })).toContainText('You said: Which is better?');
  await expect(dialog.getByRole('region', { name: 'fake/error-404' }).getByRole('button', { name: 'Use this answer' })).toHaveCount(0);

  await chat.keyboard.press('Escape');
  const discard = chat.getByRole('alertdialog', { name: 'Discard this comparison?' });
  await discard.getByRole('button', { name: 'Keep comparing' }).click();
  await expect(dialog.getByRole('region', { name: 'fake/echo' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await discard.getByRole('button', { name: 'Discard' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('Which is better?');
  // Nothing was saved: still a new chat with no messages, and no conversation in the list.
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article')).toHaveCount(0);
  expect(fake.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(2);
});
