/**
 * Long conversations: a 1,000-message conversation, imported from a Parley Markdown file,
 * opens at its end with a small DOM, scrolls to its first message, follows a streaming
 * answer, and opens at a search result deep inside it. And a 1 MB paste into the composer, and a
 * 30,000-character question in its bubble.
 */
import type { Locator, Page } from '@playwright/test';
import { conversationToMarkdown } from '../../main/export/markdownExport';
import type { ExportMessage } from '../../main/export/types';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { nextFrames } from './support/nextFrames';
import { dataAction, sidebar } from './support/screens';
import { highlighted } from './support/searchMarks';

const TITLE = 'A very long conversation';
const TURNS = 500;
/** A word only one message holds, early in the conversation. */
const RARE_WORD = 'quetzalcoatlus';
const RARE_TURN = 60;
const DOM_BUDGET = 2_000;

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const exportBase = (at: number) => ({ reasoning: '', status: 'complete' as const, error: null, model: 'fake/echo', finishReason: null, firstTokenMs: null, durationMs: null, thinkingMs: null, createdAt: at });

function longConversationMarkdown(): string {
  const at = Date.UTC(2026, 0, 5);
  const messages: ExportMessage[] = [];
  for (let turn = 1; turn <= TURNS; turn++) {
    const base = exportBase(at + turn);
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

async function importConversation(page: Page, markdown: string): Promise<void> {
  await dataAction(page, 'Import');
  const dialog = page.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Files to import').setInputFiles({ name: 'long.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  await expect(dialog).toContainText('Imported 1 conversation');
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function openLongConversation(page: Page): Promise<void> {
  await importConversation(page, longConversationMarkdown());
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

/** Opens the long conversation and asks it for a 60-line answer (a line every 40 ms); the answer as it streams. */
async function streamLinesIntoLongConversation(page: Page): Promise<Locator> {
  await openLongConversation(page);
  // The file names W&B's real URL; here the built-in endpoint points at the fake server, so the
  // conversation asks which endpoint to use, as it would for a file from another machine.
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'W&B Inference' });
  await pickModel(page, 'fake/lines');
  await send(page, 'Many lines, please');
  return lastAnswer(page);
}

/** Rests the pointer over the middle of the conversation, where a wheel scrolls it. */
async function pointAtConversation(page: Page): Promise<void> {
  const box = await conversation(page).boundingBox();
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
}

test('an answer streaming into a long conversation keeps its end in view', async ({ chat }) => {
  const answer = await streamLinesIntoLongConversation(chat);
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

test('a wheel turned up while an answer streams leaves the view where the person put it', async ({ chat }) => {
  const answer = await streamLinesIntoLongConversation(chat);
  await expect(answer).toContainText('Line 5 of a long answer.');
  const log = conversation(chat);
  await pointAtConversation(chat);
  const before = await log.evaluate((element) => element.scrollTop);
  await chat.mouse.wheel(0, -300);
  await expect(chat.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
  const readingAt = await settledAwayFrom(chat, before);
  // The other 55 lines arrive below; none of them pulls the view back down.
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  expect(Math.abs((await log.evaluate((element) => element.scrollTop)) - readingAt)).toBeLessThanOrEqual(2);
  await expect(answer.getByText('Line 60 of a long answer.')).not.toBeInViewport();
  await expect(chat.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
});

test('a search result deep in a long conversation opens at that message', async ({ chat }) => {
  await importConversation(chat, longConversationMarkdown());
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

/**
 * Long answers whose pieces the first render's height estimate can overrate: code of long lines
 * (which scroll, never wrap) and short blocks between blank lines. Each opens at its end.
 */
const OVERRATED_ANSWERS = {
  'Long code lines': Array.from({ length: 60 }, (_, n) => `## Part ${n}\n\n\`\`\`ts\n${Array.from({ length: 4 }, (_, line) => `const value${line} = [${'1, '.repeat(75)}${n}];`).join('\n')}\n\`\`\`\n\nPart ${n} ends here.`).join('\n\n'),
  'Short blocks': Array.from({ length: 600 }, (_, n) => `## Part ${n}\n\nOne short sentence.\n\n- one\n- two\n\n> A quote.`).join('\n\n'),
};

function oneAnswerMarkdown(title: string, answer: string): string {
  const at = Date.UTC(2026, 0, 6);
  const messages: ExportMessage[] = [
    { ...exportBase(at), id: uuid(1), role: 'user', content: 'Write it all out.', usage: null },
    { ...exportBase(at + 1), id: uuid(2), role: 'assistant', content: answer, usage: null },
  ];
  return conversationToMarkdown({ id: uuid(3), title, model: 'fake/echo', endpoint: '', systemPrompt: '', params: {}, pinned: false, createdAt: at, updatedAt: at + 2, messages });
}

/**
 * In the first frame that shows the last answer as Markdown: how many placeholders of its parts not
 * rendered yet are in the log's view, and how many it still has (so the frame is one before idle time filled them).
 */
const firstRenderedFrame = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ inView: number; pending: number }>((resolve) => {
        const check = () => {
          const log = document.querySelector('[role="log"]');
          const answer = [...(log?.querySelectorAll('article[aria-label="Assistant"] .md') ?? [])].at(-1);
          if (!log || !answer || answer.classList.contains('md-plain') || !answer.querySelector('h2')) return requestAnimationFrame(check);
          const view = log.getBoundingClientRect();
          const pending = [...answer.querySelectorAll('.md-pending')];
          const inView = pending.filter((placeholder) => {
            const box = placeholder.getBoundingClientRect();
            return box.bottom > view.top && box.top < view.bottom;
          });
          resolve({ inView: inView.length, pending: pending.length });
        };
        requestAnimationFrame(check);
      }),
  );

for (const [title, answer] of Object.entries(OVERRATED_ANSWERS)) {
  for (const [width, height] of [[1280, 800], [900, 700]] as const) {
    test(`a long answer opened at its end fills the view in its first frame: ${title.toLowerCase()}, ${width}×${height}`, async ({ chat }) => {
      await chat.setViewportSize({ width, height });
      if (width < 1000) {
        // The sidebar is a drawer here: opened once, it stays open through the import. Wait for the
        // narrow layout first (the docked sidebar gone): a click before it toggles the docked one.
        await expect(sidebar(chat)).toBeHidden();
        await chat.getByRole('banner').getByRole('button', { name: 'Show sidebar' }).click();
        // With motion on: the drawer slides in, and focus still goes to its search field.
        await expect(sidebar(chat).getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
      }
      await importConversation(chat, oneAnswerMarkdown(title, answer));
      const frame = firstRenderedFrame(chat);
      await sidebar(chat).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: title, exact: true }).click();
      const { inView, pending } = await frame;
      expect(inView).toBe(0);
      expect(pending).toBeGreaterThan(0);
    });
  }
}

/**
 * Long texts in quotes, each laid out in boxes that are not laid out off screen (markdown.css): a box
 * holds the place of 4 lines until it nears the view, then takes its real height, which here is more.
 */
const WHEEL_PX = 500;
const LONG_QUOTES = Array.from({ length: 6 }, (_, n) => `## Section ${n}\n\n> ${Array.from({ length: 1_500 }, (_, word) => `word${word % 97} of quote ${n}`).join(' ')}`).join('\n\n');

/** The text at the middle of the log's view and where it is, with the log's scroll offset. */
const underTheEye = (page: Page) =>
  conversation(page).evaluate((log) => {
    const view = log.getBoundingClientRect();
    const box = document.elementFromPoint(view.left + view.width / 2, view.top + view.height / 2)?.closest('.long-text-box');
    if (!box) throw new Error('No long text at the middle of the view');
    box.setAttribute('data-eye', '');
    return { top: box.getBoundingClientRect().top, scrollTop: log.scrollTop };
  });

/** The log's offset once a wheel's scroll has settled: away from `from`, and the same two frames running. */
async function settledAwayFrom(page: Page, from: number): Promise<number> {
  let settled = NaN;
  await expect.poll(async () => {
    await nextFrames(page);
    const offset = await conversation(page).evaluate((element) => element.scrollTop);
    const same = offset === settled && offset !== from;
    settled = offset;
    return same;
  }).toBe(true);
  return settled;
}

test('scrolling up through long text laid out only near the view moves the text just as far as the wheel asks', async ({ chat }) => {
  await importConversation(chat, oneAnswerMarkdown('Long quotes', LONG_QUOTES));
  await sidebar(chat).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: 'Long quotes', exact: true }).click();
  const answer = lastAnswer(chat);
  await expect(answer.getByRole('heading', { name: 'Section 5' })).toBeVisible();
  await expect(answer.locator('.md-pending')).toHaveCount(0);
  const log = conversation(chat);
  await pointAtConversation(chat);
  let grown = 0;
  for (let step = 0; step < 12; step++) {
    const before = await underTheEye(chat);
    await chat.mouse.wheel(0, -WHEEL_PX);
    await settledAwayFrom(chat, before.scrollTop);
    const after = await log.evaluate((element) => ({ top: element.querySelector('[data-eye]')?.getBoundingClientRect().top ?? NaN, scrollTop: element.scrollTop }));
    // The text under the eye moved down by the wheel's distance: boxes above it that took their real
    // height on the way were made up for in the offset (scroll anchoring), not seen as a jump.
    expect(after.top - before.top).toBeCloseTo(WHEEL_PX, 0);
    if (before.scrollTop - after.scrollTop < WHEEL_PX - 1) grown++;
    await log.evaluate((element) => element.querySelector('[data-eye]')?.removeAttribute('data-eye'));
  }
  // Boxes above the view did grow on the way up: the offset made up for them.
  expect(grown).toBeGreaterThan(3);
});
