/**
 * "Parameters": what the person sets is exactly what the server gets, per conversation and kept
 * in history; "Use for new chats"; and a parameter a model refuses, dropped with one click.
 */
import type { Page } from '@playwright/test';
import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { chatSettings, conversationButton, sidebar } from './support/screens';

const PARAM_FIELDS = ['temperature', 'top_p', 'max_tokens', 'seed', 'stop', 'chat_template_kwargs'];

/** The parameter fields of the chat request whose last message was `question`. */
function paramsSentWith(fake: FakeInferenceServer, question: string): Record<string, unknown> {
  const bodies = fake.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => r.body as { messages: { content: string }[] } & Record<string, unknown>)
    .filter((body) => body.messages.at(-1)?.content === question);
  const body = bodies.at(-1);
  if (!body) throw new Error(`no request ended with "${question}"`);
  return Object.fromEntries(Object.entries(body).filter(([key]) => PARAM_FIELDS.includes(key)));
}

const parametersDialog = (page: Page) => page.getByRole('dialog', { name: 'Parameters' });

async function openParameters(page: Page) {
  await (await chatSettings(page)).getByRole('button', { name: 'Parameters' }).click();
  await expect(parametersDialog(page)).toBeVisible();
  return parametersDialog(page);
}

async function answered(page: Page, text: string): Promise<void> {
  await send(page, text);
  await expect(lastAnswer(page)).toContainText(`You said: ${text}`);
  await expect(lastAnswer(page)).not.toHaveAttribute('aria-busy', 'true');
}

test('the server gets exactly the parameters set, and the conversation keeps them', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  await answered(chat, 'Nothing set');
  expect(paramsSentWith(fake, 'Nothing set')).toEqual({});

  const dialog = await openParameters(chat);
  await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('0.7');
  await dialog.getByRole('spinbutton', { name: 'Seed' }).fill('42');
  // Out of range: said next to the field, and not applied.
  await dialog.getByRole('spinbutton', { name: 'Top p' }).fill('3');
  await expect(dialog.getByRole('alert')).toHaveText('Top p must be between 0 and 1. Not sent until corrected.');
  await expect(dialog.getByRole('spinbutton', { name: 'Top p' })).toHaveValue('3');
  await expect(dialog).toContainText('Sent with each message: temperature 0.7 · seed 42.');
  await dialog.getByRole('button', { name: 'Clear top p' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect((await chatSettings(chat)).getByRole('button', { name: 'Parameters' })).toHaveAccessibleDescription('temperature 0.7 · seed 42');

  await answered(chat, 'With two set');
  expect(paramsSentWith(fake, 'With two set')).toEqual({ temperature: 0.7, seed: 42 });

  // Another conversation starts without them; coming back brings them back, from history.
  await sidebar(chat).getByRole('button', { name: 'New chat', exact: true }).click();
  await expect((await chatSettings(chat)).getByRole('button', { name: 'Parameters' })).toHaveAccessibleDescription('Model defaults');
  await chat.reload();
  await conversationButton(chat, 'Chat: Nothing set').click();
  await expect((await chatSettings(chat)).getByRole('button', { name: 'Parameters' })).toHaveAccessibleDescription('temperature 0.7 · seed 42');
  const reopened = await openParameters(chat);
  await expect(reopened.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0.7');
  await reopened.getByRole('button', { name: 'Clear seed' }).click();
  await reopened.getByRole('button', { name: 'Close' }).click();
  await answered(chat, 'Seed cleared');
  expect(paramsSentWith(fake, 'Seed cleared')).toEqual({ temperature: 0.7 });
});

test('"Use for new chats": new chats start with the saved parameters, reasoning and stop sequences included', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/reasoning');
  const dialog = await openParameters(chat);
  await dialog.getByRole('spinbutton', { name: 'Max tokens' }).fill('64');
  await dialog.getByRole('textbox', { name: 'Stop sequence 1' }).fill('END');
  await dialog.getByRole('radiogroup', { name: 'Reasoning' }).getByRole('radio', { name: 'Off' }).check();
  await dialog.getByRole('button', { name: 'Use for new chats' }).click();
  await expect(dialog.getByRole('status')).toHaveText('New chats will start with these parameters.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await sidebar(chat).getByRole('button', { name: 'New chat', exact: true }).click();
  await expect((await chatSettings(chat)).getByRole('button', { name: 'Parameters' })).toHaveAccessibleDescription('max tokens 64 · 1 stop sequence · reasoning off');
  await send(chat, 'Think less');
  await expect(lastAnswer(chat)).toContainText('You said: Think less');
  expect(paramsSentWith(fake, 'Think less')).toEqual({ max_tokens: 64, stop: ['END'], chat_template_kwargs: { enable_thinking: false } });
});

test('a parameter the model refuses (422): the error names it, and "Drop seed and retry" answers without it', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/rejects-seed');
  const dialog = await openParameters(chat);
  await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('0.5');
  await dialog.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await send(chat, 'Same answer every time');
  const answer = lastAnswer(chat);
  await expect(answer.getByRole('alert')).toContainText('The model fake/rejects-seed refused the parameter seed: This model does not support seed.');
  expect(paramsSentWith(fake, 'Same answer every time')).toEqual({ temperature: 0.5, seed: 7 });

  await answer.getByRole('button', { name: 'Drop seed and retry' }).click();
  await expect(lastAnswer(chat)).toContainText('You said: Same answer every time');
  await expect(lastAnswer(chat).getByRole('alert')).toHaveCount(0);
  expect(paramsSentWith(fake, 'Same answer every time')).toEqual({ temperature: 0.5 });
  await expect((await chatSettings(chat)).getByRole('button', { name: 'Parameters' })).toHaveAccessibleDescription('temperature 0.5');

  // The drop is kept: the conversation comes back without the seed.
  await chat.reload();
  await conversationButton(chat, 'Chat: Same answer every time').click();
  await expect((await chatSettings(chat)).getByRole('button', { name: 'Parameters' })).toHaveAccessibleDescription('temperature 0.5');
});
