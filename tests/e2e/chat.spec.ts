import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { chatSettings } from './support/screens';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';

interface ChatBody {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
}

/** The chat requests the fake received (the auto-title request among them). */
const chatRequests = (fake: FakeInferenceServer) =>
  fake.requests.filter((r) => r.path.endsWith('/chat/completions')) as unknown as { body: ChatBody }[];

test('the system prompt goes first and the answer streams in', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/echo');
  await (await chatSettings(chat)).getByLabel('System prompt').fill('You are terse.');
  await send(chat, 'Hello, Parley');

  const conversation = chat.getByRole('log', { name: 'Conversation' });
  await expect(conversation.getByRole('article', { name: 'You' }).last()).toContainText('Hello, Parley');
  await expect(lastAnswer(chat)).toContainText('You said: Hello, Parley');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('');

  const body = chatRequests(fake).find((r) => r.body.messages.at(-1)?.content === 'Hello, Parley')?.body as ChatBody;
  expect(body.model).toBe('fake/echo');
  expect(body.stream).toBe(true);
  expect(body.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
  expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'Hello, Parley' });
});

test('the chosen model is remembered for the next visit', async ({ chat }) => {
  await pickModel(chat, 'fake/reasoning');
  await chat.reload();
  await expect(chat.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/reasoning');
});

test('reasoning shows in a Thinking section apart from the answer', async ({ chat }) => {
  await pickModel(chat, 'fake/reasoning');
  await send(chat, 'Why is the sky blue?');
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  // Folded once the answer starts: how long it thought when this window timed it, else "Thinking".
  await expect(answer.locator('details summary')).toHaveText(/^(Thinking|Thought for \d+\.\d s)$/);
});

test('Stop ends the answer and keeps what had arrived', async ({ chat }) => {
  await pickModel(chat, 'fake/slow');
  await send(chat, 'Tell me a long story');
  const answer = lastAnswer(chat);
  await expect(answer).toHaveAttribute('aria-busy', 'true');
  await expect(answer.getByText('Generating…')).toBeVisible();
  await expect(answer).not.toHaveText(/^\s*$/);
  await chat.getByRole('button', { name: 'Stop' }).click();

  await expect(answer).toContainText('Stopped');
  const partial = await answer.innerText();
  await chat.waitForTimeout(400);
  expect(await answer.innerText()).toBe(partial);
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('402 says the credits ran out, keeps the draft, and offers Retry', async ({ chat }) => {
  await pickModel(chat, 'fake/error-402');
  await send(chat, 'Are you there?');
  await chat.getByRole('textbox', { name: 'Message' }).fill('my next thought');
  const alert = chat.getByRole('log', { name: 'Conversation' }).getByRole('alert');
  await expect(alert).toContainText(/credit|quota/i);
  await expect(chat.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('my next thought');
});

test('a stream dropped mid-answer says so and keeps the partial answer', async ({ chat }) => {
  await pickModel(chat, 'fake/drop');
  await send(chat, 'Start answering');
  const answer = lastAnswer(chat);
  await expect(answer.getByRole('alert')).toContainText(/connection|dropped|cut off|interrupted/i);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  const text = await answer.innerText();
  expect(text.length).toBeGreaterThan(20);
});

test('a stalled server times out with a message the user sees', async ({ chat }) => {
  await pickModel(chat, 'fake/stall');
  await send(chat, 'Anyone?');
  await expect(lastAnswer(chat).getByRole('alert')).toContainText(/respond|timed out|seconds/i, { timeout: 15_000 });
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a busy server (503) is retried without the user doing anything', async ({ chat, fake }) => {
  await pickModel(chat, 'fake/flaky-503');
  await send(chat, 'second time lucky');
  await expect(lastAnswer(chat)).toContainText('You said: second time lucky');
  expect(chatRequests(fake).filter((r) => r.body.messages.at(-1)?.content === 'second time lucky')).toHaveLength(2);
});

test('Retry sends the failed turn again, here with another model', async ({ chat }) => {
  await pickModel(chat, 'fake/error-404');
  await send(chat, 'try me');
  await expect(lastAnswer(chat).getByRole('alert')).toContainText(/model/i);
  await pickModel(chat, 'fake/echo');
  await chat.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(chat)).toContainText('You said: try me');
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('alert')).toHaveCount(0);
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' })).toHaveCount(1);
});
