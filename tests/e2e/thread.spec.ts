/**
 * The thread as a person sees it (issue 12, stream B): your message as a bubble, answers as
 * text with no "You"/"Assistant" labels, the model named where it changes, icon actions that
 * show on hover and always on the last answer, a wide table that scrolls sideways instead of
 * breaking words, error callouts with the action that helps, the composer that keeps its place
 * while an answer streams, and a new chat's empty state. Geometry, axe and screenshots.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessibleInBothThemes } from './support/axe';
import { countRendersOf } from './support/componentRenders';
import { lastAnswer, pickModel } from './support/fixtures';
import { nextFrames } from './support/nextFrames';
import { LAYOUT_WIDTHS, atWidths, expectNoOverflow, expectSteady, rectOf, trackRect } from './support/geometry';
import { sidebar } from './support/screens';
import { RICH_TITLE, SEEDED_MODELS, SEEDED_TITLES } from './support/seedHistory';
import { expect, test } from './support/seeded';
import { expectScreen } from './support/visual';

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const composerBox = (page: Page) => page.locator('form.composer');
const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' });

async function openConversation(page: Page, title: string): Promise<void> {
  await sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: title, exact: true }).click();
}

async function openRichAnswer(page: Page): Promise<void> {
  await openConversation(page, RICH_TITLE);
  await expect(lastAnswer(page).getByRole('table')).toBeVisible();
  await expect(lastAnswer(page)).toContainText('rolling median');
}

const opacityOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).opacity);

test('a rich answer: a bubble for you, text for the answer, the model where it changes, actions on hover, stats', async ({ seeded }) => {
  await openRichAnswer(seeded);
  // The articles keep their names; no label says them on screen.
  await expect(log(seeded).getByRole('article', { name: 'You' })).toHaveCount(2);
  await expect(log(seeded).getByText(/^(You|Assistant)$/)).toHaveCount(0);
  // Named on the first answer, and once where the model changed.
  await expect(log(seeded).getByText('Qwen3-235B-A22B-Instruct-2507', { exact: true })).toHaveCount(1);
  await expect(log(seeded).getByText('Switched to gpt-oss-120b', { exact: true })).toHaveCount(1);

  const last = lastAnswer(seeded);
  const first = log(seeded).getByRole('article', { name: 'Assistant' }).first();
  await expect(last.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(last.locator('.message-usage')).toHaveText(/^\d+ tokens in · \d+ out · first token [\d.]+ s · [\d.]+ s total/);
  // Always on the last answer; elsewhere only on hover or focus.
  expect(await opacityOf(last.getByRole('group', { name: 'Message actions' }))).toBe('1');
  await first.scrollIntoViewIfNeeded();
  expect(await opacityOf(first.getByRole('group', { name: 'Message actions' }))).toBe('0');
  await first.hover();
  await expect.poll(() => opacityOf(first.getByRole('group', { name: 'Message actions' }))).toBe('1');
  await first.getByRole('button', { name: 'Copy' }).focus();
  await seeded.mouse.move(0, 0);
  await expect.poll(() => opacityOf(first.getByRole('group', { name: 'Message actions' }))).toBe('1');
});

test('a wide table scrolls sideways and never breaks a word; nothing sticks out of the log at any width', async ({ seeded }) => {
  await openRichAnswer(seeded);
  const table = lastAnswer(seeded).getByRole('table');
  await atWidths(seeded, LAYOUT_WIDTHS, async (width) => {
    await table.scrollIntoViewIfNeeded();
    const scroller = await table.evaluate((element) => {
      const wrapper = element.parentElement;
      return { scrolls: wrapper ? wrapper.scrollWidth > wrapper.clientWidth : false, overflowX: wrapper ? getComputedStyle(wrapper).overflowX : '' };
    });
    expect(scroller, `the table's box at ${width} px`).toEqual({ scrolls: true, overflowX: 'auto' });
    // "1,440" stays on one line (it used to break into "1,44 / 0").
    const lines = await table.getByRole('cell', { name: '1,440' }).first().evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines, `"1,440" at ${width} px`).toBe(1);
    await expectNoOverflow(seeded, `the log at ${width} px`, '[role=log]');
  });
});

test('the thread screen in both themes: axe and pictures', async ({ seeded }) => {
  test.slow();
  await openRichAnswer(seeded);
  await expectAccessibleInBothThemes(seeded, 'a rich answer');
  await expectScreen(seeded, 'thread');
});

test('a 402 answer: a callout with the billing link and Retry, and no stats', async ({ seeded }) => {
  await openConversation(seeded, SEEDED_TITLES.failed);
  const answer = lastAnswer(seeded);
  const callout = answer.getByRole('alert');
  await expect(callout).toContainText('Out of W&B Inference credits');
  await expect(callout.getByRole('button', { name: 'Open W&B billing' })).toBeVisible();
  await expect(callout.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(answer.locator('.message-usage')).toHaveCount(0);
  await expectAccessibleInBothThemes(seeded, 'a failed answer');
  await expectScreen(seeded, 'error-quota');
});

test('while an answer streams, Send turns into Stop in place and the composer does not move', async ({ seeded }) => {
  await openRichAnswer(seeded);
  await pickModel(seeded, 'fake/slow-echo');
  await messageBox(seeded).fill('And how would I flag outliers per device?');
  const box = await trackRect(composerBox(seeded));
  const sendPlace = await rectOf(seeded.getByRole('button', { name: 'Send' }));
  await messageBox(seeded).press('Enter');
  const stop = seeded.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  expect(await rectOf(stop)).toEqual(sendPlace);
  await expect(stop).toHaveAttribute('aria-keyshortcuts', 'Escape');
  await expect(seeded.getByRole('button', { name: 'Compare', exact: true })).toBeDisabled();
  await expect(lastAnswer(seeded)).toContainText('tick50', { timeout: 15_000 });
  await expect(lastAnswer(seeded)).not.toHaveAttribute('aria-busy', 'true');
  expectSteady(await box.stop(), 'the composer');
  await expect(seeded.getByRole('button', { name: 'Send' })).toBeVisible();
});

/** Starts recording the CSS transitions that run in the log (`element-class property`), in `window.logTransitions`. */
async function recordLogTransitions(page: Page): Promise<void> {
  await log(page).evaluate((element) => {
    const started: string[] = [];
    Object.assign(window, { logTransitions: started });
    element.addEventListener('transitionrun', (event) => started.push(`${(event.target as Element).className} ${(event as TransitionEvent).propertyName}`));
  });
}

const logTransitions = (page: Page) => page.evaluate(() => [...(window as unknown as { logTransitions: string[] }).logTransitions]);

test('nothing in the log fades, on a send (a fade would hold its first token to the next frame) or under the pointer: the actions show at once', async ({ seeded }) => {
  // Motion as most people have it (the seeded page reduces it for its screenshots).
  await seeded.emulateMedia({ reducedMotion: 'no-preference' });
  await openRichAnswer(seeded);
  await pickModel(seeded, 'fake/slow-echo');
  // The send takes the actions away from what was the last answer (they stay on the last one only),
  // and moves the rows under a pointer resting on the log. Each of those used to start a 120 ms fade,
  // and while one runs, the page draws frame after frame and a first token waits for the next.
  await messageBox(seeded).hover();
  await recordLogTransitions(seeded);
  await messageBox(seeded).fill('And how would I flag outliers per device?');
  await messageBox(seeded).press('Enter');
  const answer = lastAnswer(seeded);
  await expect(answer).toHaveAttribute('aria-busy', 'true');
  await expect(answer).toContainText('tick');
  expect(await logTransitions(seeded)).toEqual([]);

  await seeded.getByRole('button', { name: 'Stop' }).click();
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  // A message's actions show under the pointer, at once.
  const question = log(seeded).getByRole('article', { name: 'You' }).last();
  await seeded.mouse.move(0, 0);
  await recordLogTransitions(seeded);
  await question.hover();
  await expect(question.locator('.message-actions')).toHaveCSS('opacity', '1');
  expect(await logTransitions(seeded)).toEqual([]);
});

test('each frame of a streaming answer shows the same space below its last line: the list grows with it, not a frame later', async ({ seeded }) => {
  await openConversation(seeded, SEEDED_TITLES.pinned);
  await pickModel(seeded, 'fake/lines');
  await messageBox(seeded).fill('Many lines, please');
  await messageBox(seeded).press('Enter');
  const answer = lastAnswer(seeded);
  await expect(answer).toContainText('Line 1 of a long answer.');
  // An observer made after the list's own is told of each new size after it, in the same frame,
  // before that frame is painted: what it reads is what the person sees.
  await answer.evaluate((article) => {
    const row = article.closest('.message-row');
    const rows = row?.parentElement;
    if (!row || !rows) throw new Error('the answer is not in a row of the list');
    const frames: number[] = [];
    Object.assign(window, { spaceBelowAnswer: frames });
    new ResizeObserver(() => frames.push(Math.round(rows.getBoundingClientRect().bottom - row.getBoundingClientRect().bottom))).observe(row);
  });
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  const frames = await seeded.evaluate(() => (window as unknown as { spaceBelowAnswer: number[] }).spaceBelowAnswer);
  expect(frames.length).toBeGreaterThan(10);
  // The list's padding below its last message (MessageList.tsx), in every frame.
  expect(new Set(frames)).toEqual(new Set([32]));
});

test('an answer the view follows renders its own row alone: the log is not rendered again for each line it scrolls to', async ({ seeded }) => {
  await openConversation(seeded, SEEDED_TITLES.pinned);
  // Enough text to scroll: from here the view follows the end.
  await pickModel(seeded, 'fake/lines');
  await messageBox(seeded).fill('Many lines, please');
  await messageBox(seeded).press('Enter');
  await expect(lastAnswer(seeded)).toContainText('Line 60 of a long answer.');
  await expect(lastAnswer(seeded)).not.toHaveAttribute('aria-busy', 'true');
  // A word every 100 ms for 5 s: a new line now and then, each a scroll to the new end, far apart.
  await pickModel(seeded, 'fake/slow-echo');
  await messageBox(seeded).fill('Slowly, please');
  await messageBox(seeded).press('Enter');
  await expect(lastAnswer(seeded)).toContainText('tick3');
  const logRenders = await countRendersOf(seeded, '.message-list-frame');
  await log(seeded).evaluate((box) => {
    const pins = { count: 0 };
    box.addEventListener('scroll', () => pins.count++);
    Object.assign(window, { pins });
  });
  await expect(lastAnswer(seeded)).toContainText('tick28');
  // Read first, seconds before the answer's end (which renders the list, as it should).
  const renders = await logRenders();
  await expect(lastAnswer(seeded)).toHaveAttribute('aria-busy', 'true');
  // The view followed the answer down its new lines…
  expect(await seeded.evaluate(() => (window as unknown as { pins: { count: number } }).pins.count)).toBeGreaterThan(0);
  await expect(lastAnswer(seeded)).toBeInViewport();
  // …and the log itself did not render for them: each scroll to the end was the log's own, not a person's.
  expect(renders).toBe(0);
});

test.describe('mid-stream', () => {
  // fake/stall goes silent after two chunks: main must not give up on it while four pictures are taken.
  test.use({ stallTimeoutMs: 120_000 });

  test('the streaming screen: the answer ends with a dot, Stop sits where Send was', async ({ seeded }) => {
    test.slow();
    await openRichAnswer(seeded);
    // Two chunks, then silence: the same frame every run.
    await pickModel(seeded, 'fake/stall');
    await messageBox(seeded).fill('And how would I flag outliers per device?');
    await messageBox(seeded).press('Enter');
    await expect(lastAnswer(seeded)).toContainText('This answer will never end');
    await expect(lastAnswer(seeded)).toHaveAttribute('aria-busy', 'true');
    await expectScreen(seeded, 'streaming');
    await seeded.getByRole('button', { name: 'Stop' }).click();
    await expect(lastAnswer(seeded)).toContainText('Stopped');
  });
});

test('a new chat: the composer centred with starters, focus in it, typing anywhere goes to it, and it docks on the first send', async ({ seeded }) => {
  await seeded.getByRole('button', { name: 'New chat' }).first().click();
  await pickModel(seeded, SEEDED_MODELS.reasoning);
  await seeded.getByRole('button', { name: 'New chat' }).first().click();
  await expect(seeded.getByRole('heading', { name: 'What are we working on?' })).toBeVisible();
  await expect(messageBox(seeded)).toBeFocused();
  await expectAccessibleInBothThemes(seeded, 'a new chat');
  await expectScreen(seeded, 'empty');

  // A starter fills the composer and sends nothing.
  await seeded.getByRole('button', { name: 'Explain a concept' }).click();
  await expect(messageBox(seeded)).toHaveValue('Explain attention in transformers simply.');
  await expect(messageBox(seeded)).toBeFocused();
  await expect(log(seeded).getByRole('article')).toHaveCount(0);

  // A key typed while focus is elsewhere lands in the composer.
  await messageBox(seeded).fill('');
  await seeded.getByRole('heading', { name: 'What are we working on?' }).click();
  await seeded.locator('body').focus();
  await seeded.keyboard.type('Hi');
  await expect(messageBox(seeded)).toBeFocused();
  await expect(messageBox(seeded)).toHaveValue('Hi');

  const centred = await rectOf(composerBox(seeded));
  await messageBox(seeded).press('Enter');
  await expect(lastAnswer(seeded)).toContainText('Done thinking.');
  const docked = await rectOf(composerBox(seeded));
  const thread = await rectOf(seeded.locator('.thread'));
  expect(docked.y).toBeGreaterThan(centred.y);
  // Docked: 12 px above the bottom of the thread's column.
  expect(Math.round(thread.y + thread.height - (docked.y + docked.height))).toBe(12);
  await expect(seeded.getByRole('heading', { name: 'What are we working on?' })).toHaveCount(0);
});

test.describe('a long answer off screen', () => {
  /** About 30,000 characters, so the answer opens in pieces: a diagram first, a formula and code in each part. */
  const longAnswerQuestion = 'Parts follow.\n\n```mermaid\ngraph TD\n  A[Start] --> B[Middle]\n  B --> C[End]\n```\n\n' + Array.from(
    { length: 90 },
    (_, part) => `## Part ${part}\n\n$$\n\\int_0^{${part}} x^2 \\, dx = \\frac{${part}^3}{3}\n$$\n\nA paragraph of part ${part} with **bold** words, a \`code span\` and enough text to wrap once or twice at the column's width, as prose does.\n\n\`\`\`ts\nconst part${part} = ${part};\n\`\`\``,
  ).join('\n\n');

  /** The answer's height as shown, and as it is with every run laid out (after which its runs are laid out and marked again). */
  async function expectRealHeight(answer: Locator): Promise<void> {
    await expect(answer.locator('.md-run:not([data-settled])')).toHaveCount(0);
    const height = () => answer.locator('.message-markdown').evaluate((markdown) => markdown.getBoundingClientRect().height);
    const showAll = (value: string) => answer.locator('.md-run').evaluateAll((runs, visibility) => runs.forEach((run) => (run as HTMLElement).style.setProperty('content-visibility', visibility)), value);
    const shown = await height();
    await showAll('visible');
    await nextFrames(answer.page());
    const laidOut = await height();
    await showAll('');
    expect(Math.abs(shown - laidOut)).toBeLessThan(0.5);
  }

  test('its finished runs off screen are skipped, and it keeps its real height: a diagram drawn late, a narrower window', async ({ seeded }) => {
    await openConversation(seeded, SEEDED_TITLES.pinned);
    await pickModel(seeded, 'fake/echo');
    await messageBox(seeded).fill(longAnswerQuestion);
    await messageBox(seeded).press('Enter');
    await expect(lastAnswer(seeded)).not.toHaveAttribute('aria-busy', 'true');
    // Opened again after a reload, at its end: its start is rendered when idle, off screen, and the
    // diagram there is drawn once Mermaid has loaded, after its run was first laid out.
    await seeded.reload();
    await openConversation(seeded, SEEDED_TITLES.pinned);
    const answer = lastAnswer(seeded);
    await expect(answer).toContainText('const part89 = 89;');
    await expect(answer.locator('.md-pending')).toHaveCount(0);
    await expect(answer.locator('.md-math-display .katex')).toHaveCount(90);
    await expect(answer.getByRole('img', { name: /diagram/i })).toBeAttached();
    await expect(answer.locator('.md-run:not([data-settled])')).toHaveCount(0);

    const skipped = (selector: string) => answer.locator(selector).first().evaluate((element) => !element.checkVisibility({ contentVisibilityAuto: true }));
    expect(await skipped('.md-run:first-child > h2')).toBe(true);
    expect(await skipped('.md-run:last-child > :last-child')).toBe(false);
    await expect(answer.getByRole('heading', { name: 'Part 0', exact: true })).toBeAttached();

    await expectRealHeight(answer);
    // Narrower, the column's lines break elsewhere: a run skipped at the old width must not keep its old height.
    const columnWidth = () => answer.locator('.message-markdown').evaluate((markdown) => markdown.getBoundingClientRect().width);
    const wide = await columnWidth();
    await seeded.setViewportSize({ width: 520, height: 700 });
    await expect.poll(columnWidth).toBeLessThan(wide * 0.75);
    await expectRealHeight(answer);
  });
});
