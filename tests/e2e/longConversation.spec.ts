/**
 * Long conversations: a 1,000-message conversation, imported from a Parley Markdown file,
 * opens at its end with a small DOM, scrolls to its first message, follows a streaming
 * answer, and opens at a search result deep inside it. And a 1 MB paste into the composer, and a
 * 30,000-character question in its bubble.
 */
import type { Page } from '@playwright/test';
import { conversationToMarkdown } from '../../main/export/markdownExport';
import type { ExportMessage } from '../../main/export/types';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { dataAction, sidebar } from './support/screens';
import { highlighted } from './support/searchMarks';

const TITLE = 'A very long conversation';
const TURNS = 500;
/** A word only one message holds, early in the conversation. */
const RARE_WORD = 'quetzalcoatlus';
const RARE_TURN = 60;
const DOM_BUDGET = 2_000;

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function longConversationMarkdown(): string {
  const at = Date.UTC(2026, 0, 5);
  const messages: ExportMessage[] = [];
  for (let turn = 1; turn <= TURNS; turn++) {
    const base = { reasoning: '', status: 'complete' as const, error: null, model: 'fake/echo', finishReason: null, firstTokenMs: null, durationMs: null, thinkingMs: null, createdAt: at + turn };
    messages.push({ ...base, id: uuid(turn * 2), role: 'user', content: `Question ${turn}: ${turn === RARE_TURN ? `tell me about the ${RARE_WORD}` : 'what comes next?'}`, usage: null });
    const paragraphs = Array.from({ length: 1 + (turn % 4) }, (_, n) => `Paragraph ${n + 1} of answer ${turn}, with **some** text to read and a \`code span\`.`);
    messages.push({ ...base, id: uuid(turn * 2 + 1), role: 'assistant', content: `Answer ${turn}.\n\n${paragraphs.join('\n\n')}`, usage: { promptTokens: 10, completionTokens: 20, totalTokens: 30 } });
  }
  return conversationToMarkdown({
    id: uuid(1),
    title: TITLE,
    model: 'fake/echo',
    endpoint: 'https://api.inference.wandb.ai/v1',
    systemPrompt: '',
    params: {},
    pinned: false,
    createdAt: at,
    updatedAt: at + TURNS + 1,
    messages,
  });
}

const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const elementCount = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);
const distanceFromEnd = (page: Page) => conversation(page).evaluate((log) => log.scrollHeight - log.scrollTop - log.clientHeight);

async function importLongConversation(page: Page): Promise<void> {
  await dataAction(page, 'Import');
  const dialog = page.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Files to import').setInputFiles({ name: 'long.md', mimeType: 'text/markdown', buffer: Buffer.from(longConversationMarkdown()) });
  await expect(dialog).toContainText('Imported 1 conversation');
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function openLongConversation(page: Page): Promise<void> {
  await importLongConversation(page);
  await sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: TITLE, exact: true }).click();
  await expect(lastAnswer(page)).toContainText(`Answer ${TURNS}.`);
}

test('a 1,000-message conversation opens at its end with a small DOM, scrolls to its start, and jumps back', async ({ chat }) => {
  await openLongConversation(chat);
  await expect(lastAnswer(chat)).toBeInViewport();
  await expect(chat.getByRole('group', { name: 'Conversation totals' })).toContainText(`${(TURNS * 2).toLocaleString('en')} messages`);
  expect(await elementCount(chat)).toBeLessThanOrEqual(DOM_BUDGET);

  // Up to the first message: rows above are measured as they appear, so scroll until it shows.
  const first = conversation(chat).getByRole('article', { name: 'You' }).filter({ hasText: 'Question 1: what comes next?' });
  await expect(async () => {
    await conversation(chat).evaluate((log) => log.scrollTo({ top: 0 }));
    await expect(first).toBeInViewport({ timeout: 250 });
  }).toPass();
  expect(await elementCount(chat)).toBeLessThanOrEqual(DOM_BUDGET);

  const jump = chat.getByRole('button', { name: 'Jump to latest' });
  await jump.click();
  await expect(lastAnswer(chat)).toContainText(`Answer ${TURNS}.`);
  await expect(lastAnswer(chat)).toBeInViewport();
  await expect(jump).toBeHidden();
});

test('an answer streaming into a long conversation keeps its end in view', async ({ chat }) => {
  await openLongConversation(chat);
  // The file names W&B's real URL; here the built-in endpoint points at the fake server, so the
  // conversation asks which endpoint to use, as it would for a file from another machine.
  await chat.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'W&B Inference' });
  await pickModel(chat, 'fake/lines');
  await send(chat, 'Many lines, please');
  const answer = lastAnswer(chat);
  await expect(answer).toContainText('Line 10 of a long answer.');
  // Sampled while the answer grows: the view stays at its end.
  for (const line of [20, 35, 50]) {
    await expect(answer).toContainText(`Line ${line} of a long answer.`);
    expect(await distanceFromEnd(chat)).toBeLessThan(50);
  }
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer.getByText('Line 60 of a long answer.')).toBeInViewport();
  await expect(chat.getByRole('button', { name: 'Jump to latest' })).toBeHidden();
});

test('a search result deep in a long conversation opens at that message', async ({ chat }) => {
  await importLongConversation(chat);
  await sidebar(chat).getByRole('searchbox', { name: 'Search conversations' }).fill(RARE_WORD);
  await sidebar(chat).getByRole('list', { name: 'Search results' }).getByRole('button', { name: new RegExp(RARE_WORD) }).first().click();
  const hit = conversation(chat).getByRole('article', { name: 'You' }).filter({ hasText: RARE_WORD });
  await expect(hit).toBeInViewport();
  await expect(hit).toBeFocused();
  expect(await elementCount(chat)).toBeLessThanOrEqual(DOM_BUDGET);
});

test('"Jump to latest" shows only while the end is out of view: not after a search hit in a conversation that fits, once scrolled away from a long answer it does', async ({ chat }) => {
  // 700 px high, as the screenshot where it showed; wide enough that the sidebar is docked.
  await chat.setViewportSize({ width: 1280, height: 700 });
  await pickModel(chat, 'fake/echo');
  for (const question of ['Tell me about pangolins', 'And briefly?']) {
    await send(chat, question);
    await expect(lastAnswer(chat)).toContainText(`You said: ${question}`);
    await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  }

  await sidebar(chat).getByRole('searchbox', { name: 'Search conversations' }).fill('pangolins');
  await sidebar(chat).getByRole('list', { name: 'Search results' }).getByRole('button', { name: /pangolins/ }).first().click();
  await expect.poll(async () => (await highlighted(chat)).texts).toContain('pangolins');
  // The hit is read, so nothing follows; but the whole conversation shows, its end too.
  expect(await distanceFromEnd(chat)).toBeLessThanOrEqual(48);
  const jump = chat.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeHidden();

  // A 60-line answer, then scrolled up by hand: now the end is out of view and the button shows.
  await pickModel(chat, 'fake/lines');
  await send(chat, 'Many lines, please');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await conversation(chat).evaluate((log) => log.scrollTo({ top: 0 }));
  await expect.poll(() => distanceFromEnd(chat)).toBeGreaterThan(48);
  await expect(jump).toBeVisible();
});

test('pasting 1 MB into the composer leaves the rest of the window untouched, and typing goes on', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await send(chat, 'Hello');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  await chat.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const megabyte = 'All work and no play makes a very long paste.\n'.repeat(22_800).slice(0, 1_048_576);
  const composer = chat.getByRole('textbox', { name: 'Message' });
  // Every change the page makes outside the composer while the megabyte is pasted and typed after:
  // a chat re-rendered per keystroke with a megabyte draft shows here (speed itself is for bench/).
  await composer.evaluate(async (box, text) => {
    await navigator.clipboard.writeText(text);
    const composerRegion = box.closest('form') ?? box;
    const outside: string[] = [];
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        if (target && !composerRegion.contains(target)) outside.push(target.outerHTML.slice(0, 120));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    (window as unknown as { outsideComposer: string[] }).outsideComposer = outside;
  }, megabyte);

  await composer.focus();
  await chat.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => composer.evaluate((box) => (box as HTMLTextAreaElement).value.length)).toBe(megabyte.length);
  await chat.keyboard.type('!');
  await expect.poll(() => composer.evaluate((box) => (box as HTMLTextAreaElement).value.slice(-2))).toBe(`${megabyte.at(-1)}!`);
  await expect(chat.getByRole('button', { name: 'Send' })).toBeEnabled();
  expect(await chat.evaluate(() => (window as unknown as { outsideComposer: string[] }).outsideComposer)).toEqual([]);
});

test('a 30,000-character pasted question shows whole in its bubble, laid out in boxes exactly as in one', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  // Lines of Latin and Hebrew letters by turns: in one box, the browser's layout grows with the square of the length.
  const question = Array.from({ length: 600 }, (_, n) => `Line ${n}: ${'aא'.repeat(20)}`).join('\n');
  await send(chat, question);
  const bubble = conversation(chat).getByRole('article', { name: 'You' }).last().locator('.message-bubble');
  await expect(lastAnswer(chat)).not.toHaveAttribute('aria-busy', 'true');
  const drawn = await bubble.evaluate((element) => {
    // The same text in one box, beside the bubble.
    const whole = element.cloneNode() as HTMLElement;
    whole.textContent = element.textContent;
    element.after(whole);
    const heights = [element.getBoundingClientRect().height, whole.getBoundingClientRect().height];
    whole.remove();
    return { text: element.textContent, boxes: element.querySelectorAll('.long-text-box').length, heights };
  });
  expect(drawn.text).toBe(question);
  expect(drawn.boxes).toBeGreaterThan(20);
  expect(drawn.heights[0]).toBeCloseTo(drawn.heights[1] ?? 0, 1);
});
