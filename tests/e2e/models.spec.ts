/**
 * The model catalogue as a user meets it: a W&B-like list with details from the bundled table and
 * the (fake) public catalogue, searching, favourites that outlast a restart, recently used models,
 * a model retired mid-conversation (404) and the usage view.
 */
import type { Locator, Page } from '@playwright/test';
import { formatCost, usageCost } from '../../shared/cost';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, saveKey, send, TEST_KEY, test } from './support/fixtures';
import { expectNoOverflow, rectOf } from './support/geometry';
import { applySetting, chatOnce, sidebar } from './support/screens';

const KIMI = 'moonshotai/Kimi-K2.6';
const GPT_20B = 'openai/gpt-oss-20b';
const LLAMA_8B = 'meta-llama/Llama-3.1-8B-Instruct';
const LLAMA_70B = 'meta-llama/Llama-3.1-70B-Instruct';
const QWEN = ['Qwen/Qwen3-235B-A22B-Instruct-2507', 'Qwen/Qwen3-Coder-480B-A35B-Instruct', 'Qwen/Qwen3.5-27B'];
/** W&B ids the fake server answers like fake/echo. */
const CATALOGUE = [KIMI, GPT_20B, LLAMA_8B, LLAMA_70B, ...QWEN, 'deepseek-ai/DeepSeek-V3.1', 'zai-org/GLM-5-FP8', 'MiniMaxAI/MiniMax-M2.5'];

const picker = (page: Page) => page.getByRole('combobox', { name: 'Model' });
const models = (page: Page) => page.getByRole('listbox', { name: 'Models' });
/** The options' names (a row's text also holds its details). */
const namesIn = (list: Locator) => list.getByRole('option').evaluateAll((options) => options.map((option) => option.getAttribute('aria-label')));
const optionNames = (page: Page) => namesIn(models(page));

test.beforeEach(({ fake }) => {
  fake.models = [...CATALOGUE, 'fake/echo'];
  fake.aliases = Object.fromEntries(CATALOGUE.map((id) => [id, 'fake/echo']));
});

test('search by name and provider; each model shows what is known of it', async ({ app }) => {
  await saveKey(app, TEST_KEY);
  await picker(app).click();
  await picker(app).fill('qwen/');
  await expect.poll(() => optionNames(app)).toEqual(QWEN);
  await picker(app).fill('meta');
  await expect.poll(() => optionNames(app)).toEqual([LLAMA_8B, LLAMA_70B]);
  // Retired (bundled table): still listed, with its stage.
  await expect(models(app).getByRole('option', { name: LLAMA_70B })).toHaveAccessibleDescription('Retired · 131k context');
  await expect(models(app).getByRole('option', { name: LLAMA_70B }).getByText('Retired', { exact: true })).toBeVisible();
  await picker(app).fill('kimi');
  // Bundled facts, the public catalogue's stage and tool calling, and the models.dev feed's price.
  await expect(models(app).getByRole('option', { name: KIMI })).toHaveAccessibleDescription('Deprecated · 262k context · Vision · Reasoning on by default · Tool calling · $0.65 / $3.41 per 1M tokens');
  // A price only the live feed has.
  await picker(app).fill('gpt-oss');
  await expect(models(app).getByRole('option', { name: GPT_20B })).toHaveAccessibleDescription('131k context · Reasons always · Tool calling · $0.05 / $0.20 per 1M tokens');
  await picker(app).press('Enter');
  await expect(picker(app)).toHaveValue(GPT_20B);
});

test('a favourite is pinned at the top, also after a restart; recently used models come next', async ({ app, parley }) => {
  await saveKey(app, TEST_KEY);
  await picker(app).click();
  await picker(app).fill('GLM');
  await app.getByRole('button', { name: 'Add zai-org/GLM-5-FP8 to favourites' }).click();
  await picker(app).press('Escape');

  await pickModel(app, LLAMA_8B);
  await chatOnce(app, 'First');
  await pickModel(app, KIMI);
  await chatOnce(app, 'Second');

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await picker(page).click();
  const groups = models(page).getByRole('group');
  await expect(groups).toHaveCount(3);
  await expect(groups.nth(0)).toHaveAccessibleName('Favourites');
  await expect.poll(() => namesIn(groups.nth(0))).toEqual(['zai-org/GLM-5-FP8']);
  await expect(groups.nth(1)).toHaveAccessibleName('Recently used');
  await expect.poll(() => namesIn(groups.nth(1))).toEqual([KIMI, LLAMA_8B]);
  await expect(groups.nth(2)).toHaveAccessibleName('All models');
  await expect(groups.nth(2).getByRole('option', { name: KIMI })).toHaveCount(0);
  // Keyboard: Home goes to the favourite, Ctrl/Cmd+D takes it out again.
  await picker(page).press('Home');
  await picker(page).press('ControlOrMeta+d');
  await expect(groups.nth(0)).toHaveAccessibleName('Recently used');
});

test('a model retired mid-conversation: one click switches to its closest sibling, and Retry answers', async ({ app, fake }) => {
  await saveKey(app, TEST_KEY);
  await pickModel(app, LLAMA_8B);
  await chatOnce(app, 'Hello');

  fake.models = fake.models.filter((id) => id !== LLAMA_8B);
  fake.aliases = Object.fromEntries(Object.entries(fake.aliases).filter(([id]) => id !== LLAMA_8B));
  await send(app, 'Still there?');
  const failed = lastAnswer(app);
  await expect(failed.getByRole('alert')).toContainText(`The model "${LLAMA_8B}" is no longer available`);
  await failed.getByRole('button', { name: `Switch to ${LLAMA_70B}` }).click();
  await expect(picker(app)).toHaveValue(LLAMA_70B);

  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(app)).toContainText('You said: Still there?');
  await expect(app.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' }).first()).toContainText('You said: Hello');

  // "Choose another model" opens the picker instead. (An id typed into the picker is used as it is.)
  await picker(app).fill('fake/error-404');
  await picker(app).press('Enter');
  await send(app, 'And now?');
  await lastAnswer(app).getByRole('button', { name: 'Choose another model' }).click();
  await expect(picker(app)).toBeFocused();
  await expect(models(app)).toBeVisible();
});

/** "12 tokens in · 34 out …" of an answer. */
async function answerTokens(page: Page, index: number): Promise<{ promptTokens: number; completionTokens: number; totalTokens: number }> {
  const text = await page.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' }).nth(index).locator('.message-usage').innerText();
  const [, prompt, completion] = /^(\d+) tokens in · (\d+) out/.exec(text) ?? [];
  return { promptTokens: Number(prompt), completionTokens: Number(completion), totalTokens: Number(prompt) + Number(completion) };
}

test('the usage view adds up two answers, with their cost, and links to the W&B project', async ({ app }) => {
  await saveKey(app, TEST_KEY);
  await pickModel(app, KIMI);
  await chatOnce(app, 'One two three');
  await chatOnce(app, 'Four five');
  const price = { input: 0.65, output: 3.41 };
  const usages = [await answerTokens(app, 0), await answerTokens(app, 1)];
  const cost = usages.reduce((sum, usage) => sum + (usageCost(usage, price) ?? 0), 0);
  // Per answer, next to its tokens, and for the conversation.
  await expect(lastAnswer(app).locator('.message-usage')).toContainText(`· ${formatCost(usageCost(usages[1] ?? null, price) ?? 0)}`);
  await expect(app.getByRole('group', { name: 'Conversation totals' })).toContainText(`· ${formatCost(cost)}`);

  await sidebar(app).getByRole('button', { name: 'Usage' }).click();
  const dialog = app.getByRole('dialog', { name: 'Usage' });
  const promptTokens = usages.reduce((sum, usage) => sum + usage.promptTokens, 0).toLocaleString('en-US');
  const completionTokens = usages.reduce((sum, usage) => sum + usage.completionTokens, 0).toLocaleString('en-US');
  for (const period of ['This week', 'This month']) {
    await expect(dialog.getByRole('region', { name: period }).getByRole('definition')).toHaveText([formatCost(cost), '2', promptTokens, completionTokens]);
  }
  await expect(dialog.getByRole('row', { name: new RegExp(`^${KIMI.replace('.', '\\.')}`) }).getByRole('cell')).toHaveText(['2', promptTokens, completionTokens, formatCost(cost)]);
  // 640 px wide, nothing sticking out.
  expect((await rectOf(dialog)).width).toBeCloseTo(640, 0);
  await expectNoOverflow(app, 'Usage', '[role=dialog]');
  await expect(dialog).toContainText('default entity’s “inference” project');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await sidebar(app).getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await applySetting(settings, 'Team/project', 'acme/chat');
  await settings.getByRole('button', { name: 'Close' }).click();
  await sidebar(app).getByRole('button', { name: 'Usage' }).click();
  await expect(dialog).toContainText('W&B counts this usage in the project acme/chat.');
  await expect(dialog.getByRole('button', { name: 'Open acme/chat on wandb.ai' })).toBeVisible();
});
