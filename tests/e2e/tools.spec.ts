/**
 * MCP tools from the person's side: a real `@modelcontextprotocol/server-everything` from npm,
 * added in Settings › Tools and started by Parley, and the fake inference server streaming tool
 * calls in the OpenAI format (`fake/tools`: `call <tool> <json>` lines of the question).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FakeInferenceServer } from '../fixtures/fakeInferenceServer';
import { XSS_VECTORS } from '../fixtures/xssCorpus';
import { guardPage } from './security/support/pageGuard';
import { enterKeyIfAsked, expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { expectAccessibleInBothThemes } from './support/axe';
import { conversationAction, conversationButton, settingsAt, sidebar, topBarAction } from './support/screens';
import { savedText } from './support/transfer';
import { expectScreen, freezeForScreenshots, SCREEN_VARIANTS, showAs, STILL, TOLERANCE } from './support/visual';

/** Relative to the repository, where the specs run: the same launch line on every machine (and in the screenshots). */
const EVERYTHING_ARGS = ['node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio'];

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const toolsSection = (page: Page) => settingsDialog(page).getByRole('region', { name: 'MCP servers' });
const approval = (page: Page) => page.getByRole('alertdialog', { name: 'Allow tool call' });

async function openToolSettings(page: Page) {
  await settingsAt(page, 'Tools');
  return toolsSection(page);
}

/** Adds a stdio server in Settings › Tools and starts it; returns its card. */
async function addServer(page: Page, name: string, command: string, args: string[]) {
  const section = await openToolSettings(page);
  await section.getByRole('button', { name: 'Add MCP server' }).click();
  const form = section.getByRole('form', { name: 'Add MCP server' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('textbox', { name: 'Command' }).fill(command);
  await form.getByLabel('Arguments').fill(args.join('\n'));
  await form.getByRole('button', { name: 'Add server' }).click();
  const card = section.getByRole('article', { name });
  await expect(card.getByRole('status')).toHaveText('Stopped');
  await card.getByRole('button', { name: 'Start' }).click();
  return card;
}

/** The everything server, started, its tools listed; Settings closed again, the server turned on for this chat. */
async function withEverything(page: Page) {
  const card = await addServer(page, 'Everything', 'node', EVERYTHING_ARGS);
  await expect(card.getByRole('status')).toHaveText('Ready');
  await expect(card.getByRole('switch', { name: 'echo' })).toBeChecked();
  await settingsDialog(page).getByRole('button', { name: 'Close' }).first().click();
  await pickModel(page, 'fake/tools');
  await page.getByRole('button', { name: 'Tools', exact: true }).click();
  await page.getByRole('dialog', { name: 'Tools for this conversation' }).getByRole('checkbox', { name: 'Everything' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Tools, 1 on' })).toBeVisible();
}

interface SentMessage {
  role: string;
  content?: string;
  tool_call_id?: string;
}

/** The `tool` messages of the last chat request that carried any (the auto-title request came after it). */
function lastToolMessages(fake: FakeInferenceServer): SentMessage[] {
  const bodies = fake.requests.filter((request) => request.path.endsWith('/chat/completions')).map((request) => request.body as { messages: SentMessage[] });
  return bodies.findLast((body) => body.messages.some((message) => message.role === 'tool'))?.messages.filter((message) => message.role === 'tool') ?? [];
}

const callBlock = (page: Page, tool: string) => lastAnswer(page).getByRole('button', { name: new RegExp(`^Used ${tool} on Everything`) });

test('Allow once runs the call and the answer goes on; the stored call shows again after a restart', async ({ chat, fake, parley }) => {
  await withEverything(chat);
  await send(chat, 'call echo {"message": "hello from the spec"}');

  const dialog = approval(chat);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Everything');
  await expect(dialog.locator('pre')).toHaveText('{\n  "message": "hello from the spec"\n}');
  await dialog.getByRole('button', { name: 'Allow once' }).click();

  await expect(lastAnswer(chat)).toContainText('Tool results: Echo: hello from the spec');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await expect(callBlock(chat, 'echo')).toContainText('Done');
  // Parley sent the result back as a `tool` message.
  expect(lastToolMessages(fake)).toEqual([{ role: 'tool', tool_call_id: expect.any(String), content: 'Echo: hello from the spec' }]);

  await callBlock(chat, 'echo').click();
  await expect(lastAnswer(chat).locator('.tool-call pre').last()).toHaveText('Echo: hello from the spec');

  const page = await parley.restart();
  await enterKeyIfAsked(page);
  await sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button').first().click();
  await expect(lastAnswer(page)).toContainText('Tool results: Echo: hello from the spec');
  await expect(callBlock(page, 'echo')).toContainText('Done');
  await expect(page.getByRole('button', { name: 'Tools, 1 on' })).toBeVisible();
});

test('a Markdown export shows the call readably, and importing it back keeps it', async ({ chat, parley, runtime, dataDir }) => {
  await withEverything(chat);
  await send(chat, 'call echo {"message": "kept in the file"}');
  await approval(chat).getByRole('button', { name: 'Allow once' }).click();
  await expect(lastAnswer(chat)).toContainText('Tool results: Echo: kept in the file');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const markdown = await savedText(chat, parley, runtime, path.join(dataDir, 'tools.md'), () => topBarAction(chat, 'Export as Markdown'));
  expect(markdown).toMatch(/<details><summary>Used echo on Everything · Done · \d+\.\d s<\/summary>/);
  expect(markdown).toContain('Result:\n\n    Echo: kept in the file\n');

  const title = (await sidebar(chat).getByRole('list', { name: 'Conversations' }).getByRole('button').first().innerText()).trim();
  await conversationAction(chat, title, 'Delete');
  await expect(conversationButton(chat, title)).toHaveCount(0);
  await chat.evaluate(async (text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'tools.md', { type: 'text/markdown' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, markdown);
  const dialog = chat.getByRole('dialog', { name: 'Import conversations' });
  await expect(dialog).toContainText('Imported 1 conversation');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await conversationButton(chat, title).click();
  await expect(callBlock(chat, 'echo')).toContainText('Done');
  await callBlock(chat, 'echo').click();
  await expect(lastAnswer(chat).locator('.tool-call pre').last()).toHaveText('Echo: kept in the file');
});

test('Deny sends a refusal back and runs nothing', async ({ chat, fake }) => {
  await withEverything(chat);
  await send(chat, 'call echo {"message": "not this"}');
  await approval(chat).getByRole('button', { name: 'Deny' }).click();
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await expect(callBlock(chat, 'echo')).toContainText('Denied');
  await expect(lastAnswer(chat)).not.toContainText('Echo: not this');
  expect(lastToolMessages(fake)).toEqual([{ role: 'tool', tool_call_id: expect.any(String), content: expect.stringContaining('did not allow') }]);
});

test('"Always allow this tool" runs later calls without asking, until revoked in Settings', async ({ chat }) => {
  await withEverything(chat);
  await send(chat, 'call echo {"message": "first"}');
  await approval(chat).getByRole('button', { name: 'Always allow this tool' }).click();
  await expect(lastAnswer(chat)).toContainText('Tool results: Echo: first');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');

  // Without a dialog, the answer could not finish.
  await send(chat, 'call echo {"message": "second"}');
  await expect(lastAnswer(chat)).toContainText('Tool results: Echo: second');
  await expect(approval(chat)).toHaveCount(0);

  const section = await openToolSettings(chat);
  const echo = section.getByRole('article', { name: 'Everything' }).getByRole('listitem').filter({ has: chat.getByRole('switch', { name: 'echo' }) });
  await expect(echo).toContainText('Always allowed');
  await echo.getByRole('button', { name: 'Revoke' }).click();
  await expect(echo).not.toContainText('Always allowed');
  await settingsDialog(chat).getByRole('button', { name: 'Close' }).first().click();
  await send(chat, 'call echo {"message": "third"}');
  await expect(approval(chat)).toBeVisible();
});

test('Stop during a slow tool cancels it', async ({ chat }) => {
  await withEverything(chat);
  await send(chat, 'call trigger-long-running-operation {"duration": 60, "steps": 60}');
  await approval(chat).getByRole('button', { name: 'Allow once' }).click();
  await expect(callBlock(chat, 'trigger-long-running-operation')).toContainText('Running…');
  await chat.getByRole('button', { name: 'Stop' }).click();
  await expect(callBlock(chat, 'trigger-long-running-operation')).toContainText('Stopped');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a server that cannot start says why', async ({ chat }) => {
  const card = await addServer(chat, 'Broken', 'parley-no-such-command', []);
  await expect(card.getByRole('status')).toHaveText(/^Failed: .+/);
  await expect(card.getByRole('button', { name: 'Start' })).toBeEnabled();
});

test('tool results carrying the XSS corpus stay inert text', async ({ chat }) => {
  test.slow();
  const guard = await guardPage(chat);
  await withEverything(chat);
  // The nesting bombs are left out: past 100,000 characters Parley cuts a result (main/tools/toolOutput.ts).
  const corpus = XSS_VECTORS.filter((vector) => vector.text.length < 5_000).map((vector) => vector.text).join('\n\n');
  await send(chat, `call echo ${JSON.stringify({ message: corpus })}`);
  // The dialog shows the hostile arguments as text and keeps its own words.
  await expect(approval(chat).locator('pre')).toContainText('<script>');
  await expect(approval(chat).getByRole('button')).toHaveText(['Stop answer', 'Deny', 'Always allow this tool', 'Allow once']);
  await approval(chat).getByRole('button', { name: 'Allow once' }).click();
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await callBlock(chat, 'echo').click();
  const calls = lastAnswer(chat).locator('.tool-calls');
  expect(await calls.locator('pre').last().evaluate((pre) => pre.textContent)).toBe(`Echo: ${corpus}`);
  // The body: where the result is drawn (the head holds Parley's own icons).
  await guard.expectInert(calls.locator('.tool-call-body'));
});

test.describe('screens', () => {
  test('Settings › Tools, "Allow tool call" and an answer with a call', async ({ chat }) => {
    test.setTimeout(120_000);
    await freezeForScreenshots(chat);
    await withEverything(chat);
    await send(chat, 'call echo {"message": "What is in my notes folder?"}');
    await expect(approval(chat)).toBeVisible();
    await expectScreen(chat, 'tools-approval');
    await expectAccessibleInBothThemes(chat, '"Allow tool call"');
    await approval(chat).getByRole('button', { name: 'Deny' }).click();
    await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
    // A denied call has no duration; the answer's own timing is measured, so it is masked.
    await callBlock(chat, 'echo').click();
    await chat.mouse.move(0, 0);
    for (const { size, theme } of SCREEN_VARIANTS) {
      await showAs(chat, size, theme);
      await expect(chat).toHaveScreenshot(`tools-answer-${size.name}-${theme}.png`, { ...STILL, ...TOLERANCE, mask: [chat.locator('.message-usage')] });
    }
    await expectAccessibleInBothThemes(chat, 'an answer with a tool call');

    // The last screens were the narrow ones, where the sidebar (and its Settings button) is a closed drawer.
    await chat.setViewportSize({ width: 1280, height: 800 });
    const section = await openToolSettings(chat);
    await section.getByRole('heading', { name: 'MCP servers', exact: true }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expectScreen(chat, 'tools-settings');
    await expectAccessibleInBothThemes(chat, 'Settings › Tools');
  });
});
