import type { Locator } from '@playwright/test';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, test } from './support/fixtures';
import { expectAccessibleInBothThemes } from './support/axe';
import { expectNoOverflow, rectOf } from './support/geometry';
import { chatOnce, conversationButton } from './support/screens';
import { expectScreen, freezeForScreenshots, SCREEN_SIZES, showAs } from './support/visual';

/** The chat's usage line once an answer has ended: tokens, first token, total time. */
const FINAL_STATS = /\d+ tokens in · \d+ out · first token \d+\.\d s · \d+\.\d s total/;
const versionCounter = (message: Locator, shown: number, count: number) => message.getByLabel(`Version ${shown} of ${count}`);

test('compare three models, stop the slow one, go on with the second answer; after a restart the others are its versions', async ({ chat, parley }) => {
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Hello first');
  await chat.getByRole('textbox', { name: 'Message' }).fill('Name a bird');
  await chat.getByRole('button', { name: 'Compare', exact: true }).click();

  const dialog = chat.getByRole('region', { name: 'Compare models' });
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

  // One primary action, once an answer is chosen.
  const continueButton = dialog.getByRole('button', { name: 'Continue with this' });
  await expect(continueButton).toBeDisabled();
  await reasoning.getByRole('radio', { name: 'Choose this answer' }).check();
  await continueButton.click();
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
  await expect(answer.getByText(/^Thought for /)).toBeVisible();
  await expect(answer.getByText(FINAL_STATS)).toBeVisible();
  await expect(versionCounter(answer, 3, 3)).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(versionCounter(answer, 2, 3)).toBeVisible();
  // Each version is shown as its branch: named where its model differs from the answer before it.
  await expect(answer.getByText('Switched to slow')).toBeVisible();
  await expect(answer).toContainText('word1');
  await expect(answer.getByText('Stopped')).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(versionCounter(answer, 1, 3)).toBeVisible();
  await expect(answer.getByText(/^Switched to/)).toHaveCount(0);
  // fake/echo's answer: no reasoning.
  await expect(answer).toContainText('You said: Name a bird');
  await expect(answer.getByText(/^Thought for /)).toHaveCount(0);
  await expect(answer.getByText(FINAL_STATS)).toBeVisible();
});

test('a failing model does not stop the others; closing asks first and gives the prompt back', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  await chat.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = chat.getByRole('region', { name: 'Compare models' });
  await pickModel(dialog.getByRole('group', { name: 'Model 2' }), 'fake/error-404');
  await dialog.getByLabel('Prompt').fill('Which is better?');
  await dialog.getByRole('button', { name: 'Send to all' }).click();

  await expect(dialog.getByRole('region', { name: 'fake/error-404' }).getByRole('alert')).toContainText(/model/i);
  await expect(dialog.getByRole('region', { name: 'fake/echo' })).toContainText('You said: Which is better?');
  await expect(dialog.getByRole('region', { name: 'fake/error-404' }).getByRole('radio')).toHaveCount(0);

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

test('Compare takes the thread’s place: columns side by side, the fastest marked, nothing sticking out, pictures and axe', async ({ chat }) => {
  await freezeForScreenshots(chat);
  await pickModel(chat, 'fake/echo');
  await chat.getByRole('textbox', { name: 'Message' }).fill('Name a bird');
  await chat.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = chat.getByRole('region', { name: 'Compare models' });
  // In the window, not over it: no dialog, the log and the composer make room, the prompt has the focus.
  await expect(chat.getByRole('dialog')).toHaveCount(0);
  await expect(chat.getByRole('log', { name: 'Conversation' })).toBeHidden();
  await expect(chat.getByRole('textbox', { name: 'Message' })).toBeHidden();
  await expect(compare.getByLabel('Prompt')).toBeFocused();
  // Two models without reasoning: the pictures then hold no time but the masked numbers.
  await pickModel(compare.getByRole('group', { name: 'Model 2' }), 'fake/echo-system');
  await chat.mouse.move(1, 1);
  await expectScreen(chat, 'compare-setup');

  await compare.getByRole('button', { name: 'Send to all' }).click();
  const columns = compare.getByRole('region');
  await expect(compare.getByRole('radio', { name: 'Choose this answer' })).toHaveCount(2);
  // Both answers ended: exactly one is the fastest (fake models have no price: none is the cheapest).
  await expect(compare.getByText('Fastest', { exact: true })).toHaveCount(1);
  await expect(compare.getByText('Cheapest', { exact: true })).toHaveCount(0);
  await expect(chat.getByRole('button', { name: 'Send', exact: true })).toHaveCount(0);
  for (const size of SCREEN_SIZES) {
    await showAs(chat, size, 'light');
    for (const column of await columns.all()) expect((await rectOf(column)).width, `a column at ${size.name}`).toBeGreaterThanOrEqual(260);
    const area = await rectOf(compare);
    const bar = await rectOf(compare.getByRole('button', { name: 'Continue with this' }));
    expect(bar.y + bar.height, `Continue with this inside the window at ${size.name}`).toBeLessThanOrEqual(area.y + area.height);
    await expectNoOverflow(chat, `Compare at ${size.name}`, 'main');
  }
  await compare.getByRole('region', { name: 'fake/echo', exact: true }).getByRole('radio', { name: 'Choose this answer' }).check();
  await expectAccessibleInBothThemes(chat, 'Compare, answers chosen');
  // Times differ from run to run, and with them which column is the fastest; the pointer rests
  // where it lights nothing up, at each size.
  const rest = async () => chat.mouse.move(1, 1);
  await expectScreen(chat, 'compare-answers', rest, [compare.locator('.compare-column-foot'), compare.locator('.compare-badge')]);
});
