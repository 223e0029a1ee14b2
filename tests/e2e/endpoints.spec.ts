/**
 * A second endpoint: a keyless OpenAI-compatible server (a second fake server, like a local
 * Ollama) added in Settings, tested, chatted with, and remembered by its conversation across a
 * restart, while W&B conversations keep going to the first server with the W&B key.
 */
import type { Page } from '@playwright/test';
import { startFakeInferenceServer, type FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { enterKeyIfAsked, expect, pickModel, TEST_KEY, test as base } from './support/fixtures';
import { chatOnce, conversationButton, settingsAt, sidebar } from './support/screens';

const test = base.extend<{ local: FakeInferenceServer }>({
  local: async ({}, use) => {
    const server = await startFakeInferenceServer({ keyless: true });
    server.models = ['fake/echo', 'fake/think-tags'];
    await use(server);
    await server.close();
  },
});

const LOCAL_MODELS = 'Connected: 2 models: fake/echo, fake/think-tags.';

const endpointSelect = (page: Page) => page.getByRole('combobox', { name: 'Endpoint' });
const chatRequests = (server: FakeInferenceServer) => server.requests.filter((request) => request.path === '/v1/chat/completions');

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return settingsAt(page, 'Models and endpoints');
}

test('an added endpoint: tested, chatted with, and remembered by its conversation after a restart', async ({ chat, parley, fake, local }) => {
  // One endpoint only: no selector to distract.
  await expect(endpointSelect(chat)).toHaveCount(0);

  const settings = await openSettings(chat);
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const form = settings.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Name').fill('Local');
  // A typo is explained, and nothing typed is lost.
  await form.getByLabel('Base URL').fill('127.0.0.1:11434/v1');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(form.getByRole('alert')).toHaveText(/must be a full http:\/\/ or https:\/\/ address/);
  await expect(form.getByLabel('Name')).toHaveValue('Local');
  await form.getByLabel('Base URL').fill(local.baseURL);
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Endpoint “Local” added.' })).toBeVisible();

  const row = settings.getByRole('list', { name: 'Endpoints' }).getByRole('listitem', { name: 'Local' });
  await expect(row).toContainText('No key: requests go without one');
  await row.getByRole('button', { name: 'Test connection to Local' }).click();
  await expect(row.getByRole('status')).toHaveText(LOCAL_MODELS);
  await settings.getByRole('button', { name: 'Close' }).click();

  // Chat with it: its own model list, no key sent.
  await endpointSelect(chat).selectOption({ label: 'Local' });
  await chat.getByRole('combobox', { name: 'Model' }).click();
  await expect(chat.getByRole('listbox', { name: 'Models' }).getByRole('option')).toHaveText(['fake/echo', 'fake/think-tags']);
  await chat.keyboard.press('Escape');
  await pickModel(chat, 'fake/echo');
  await chatOnce(chat, 'Hello local server');
  await expect(conversationButton(chat, 'Chat: Hello local server')).toBeVisible();
  expect(chatRequests(local).length).toBeGreaterThan(0);
  expect(local.requests.map((request) => request.headers.authorization ?? 'none')).not.toContain(`Bearer ${TEST_KEY}`);
  expect(chatRequests(local).every((request) => request.headers.authorization === undefined)).toBe(true);

  // A W&B conversation next to it still goes to the first server, with the W&B key.
  const wandbBefore = chatRequests(fake).length;
  await sidebar(chat).getByRole('button', { name: 'New chat', exact: true }).click();
  await expect(endpointSelect(chat).locator('option:checked')).toHaveText('Local');
  await endpointSelect(chat).selectOption({ label: 'W&B Inference' });
  // The model picked last is kept (the W&B list has it too).
  await expect(chat.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/echo');
  await chatOnce(chat, 'Hello W&B server');
  const wandbChats = chatRequests(fake).slice(wandbBefore);
  expect(wandbChats.length).toBeGreaterThan(0);
  expect(wandbChats.every((request) => request.headers.authorization === `Bearer ${TEST_KEY}`)).toBe(true);
  const localCount = chatRequests(local).length;

  // After a restart each conversation reopens on its own endpoint and model.
  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await conversationButton(page, 'Chat: Hello local server').click();
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText('You said: Hello local server');
  await expect(endpointSelect(page).locator('option:checked')).toHaveText('Local');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('fake/echo');
  await chatOnce(page, 'Still local');
  expect(chatRequests(local).length).toBe(localCount + 1);

  await conversationButton(page, 'Chat: Hello W&B server').click();
  await expect(endpointSelect(page).locator('option:checked')).toHaveText('W&B Inference');
  const before = chatRequests(fake).length;
  await chatOnce(page, 'Still W&B');
  expect(chatRequests(fake).length).toBe(before + 1);
  expect(chatRequests(fake).at(-1)?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  expect(chatRequests(local).length).toBe(localCount + 1);
});

test('Test connection says what failed, and removing an endpoint asks first', async ({ chat, local }) => {
  const settings = await openSettings(chat);
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const form = settings.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Name').fill('Wrong path');
  // The server, but without /v1: it answers 404.
  await form.getByLabel('Base URL').fill(local.baseURL.replace(/\/v1$/, ''));
  await form.getByLabel('API key (optional)').fill('sk-wrong-path-key-1234567890');
  await form.getByRole('button', { name: 'Add endpoint' }).click();

  const row = settings.getByRole('list', { name: 'Endpoints' }).getByRole('listitem', { name: 'Wrong path' });
  await expect(row).toContainText('Key ends in 7890');
  await row.getByRole('button', { name: 'Test connection to Wrong path' }).click();
  await expect(row.getByRole('alert')).toHaveText('The server has nothing at this address (404). Check the base URL in Settings.');

  await row.getByRole('button', { name: 'Edit Wrong path' }).click();
  const edit = settings.getByRole('form', { name: 'Edit Wrong path' });
  await edit.getByLabel('Base URL').fill(local.baseURL);
  await edit.getByRole('button', { name: 'Save endpoint' }).click();
  await row.getByRole('button', { name: 'Test connection to Wrong path' }).click();
  await expect(row.getByRole('status')).toHaveText(LOCAL_MODELS);
  expect(local.requests.at(-1)?.headers.authorization).toBe('Bearer sk-wrong-path-key-1234567890');

  await row.getByRole('button', { name: 'Remove Wrong path' }).click();
  const confirm = chat.getByRole('alertdialog', { name: 'Remove “Wrong path”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Remove Wrong path' }).click();
  await confirm.getByRole('button', { name: 'Remove endpoint' }).click();
  await expect(settings.getByRole('listitem', { name: 'Wrong path' })).toHaveCount(0);
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(endpointSelect(chat)).toHaveCount(0);
});
