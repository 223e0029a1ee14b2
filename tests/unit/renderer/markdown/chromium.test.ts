import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../bench/markdown/launchChromium';
import type { MarkdownPage } from '../../../../bench/markdown/page/main';
import type { ServedPage } from '../../../../bench/markdown/servePage';
import { serveMarkdownPage } from '../../../../bench/markdown/servePage';
import { MERMAID_DIRECTIVES } from '../../../fixtures/xssCorpus';
import { MIXED_SAMPLE } from './sample';
import { nextFrames } from '../../../e2e/support/nextFrames';
import { CODE_LINES_CLASS, CODE_RUN_CLASS } from '../../../../renderer/features/markdown/CodeBlock';
import { MAX_DELIMITERS } from '../../../../renderer/features/markdown/limitMarkup';
import { BLOCK_RUN_CLASS } from '../../../../renderer/features/markdown/MarkdownBlockGroup';
import { LIST_PART_CLASS } from '../../../../renderer/features/markdown/listParts';
import { PENDING_PART_CLASS } from '../../../../renderer/features/markdown/Markdown';
import { PARAGRAPH_PART_CLASS } from '../../../../renderer/features/markdown/paragraphParts';
import { LONG_TEXT_BOX_CLASS } from '../../../../renderer/lib/longText';
import { sampleAnswer } from '../../../../bench/markdown/sampleAnswer';

// The real thing: the component built by Vite, in Chromium, under the app's Content Security Policy.
let served: ServedPage;
let browser: Browser;
let page: Page;

const markdownPage = async (): Promise<void> => {
  await page.waitForFunction(() => 'markdownPage' in window);
  await page.evaluate(() => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.ready());
};
const show = (text: string) => page.evaluate((answer) => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.show('parley', answer, false), text);
/** After the next frame is drawn: a box off screen (content-visibility) is laid out once a frame finds it on screen. */
const drawn = () => nextFrames(page);
const violations = () => page.evaluate(() => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.violations);

beforeAll(async () => {
  served = await serveMarkdownPage();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('Markdown in Chromium under the app CSP', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(served.url);
    await markdownPage();
  });

  it('highlights code, draws math with bundled fonts, and breaks no CSP rule', async () => {
    await show(MIXED_SAMPLE);
    await page.locator('pre code span[style*="--md-code-token-keyword"]').first().waitFor();
    expect(await page.locator('pre code').textContent()).toBe('const answer: number = 42;\nconsole.log(answer);');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math'))).toBe(true);
    // KaTeX's layout styles survive: the fraction bar has its thickness.
    expect(await page.locator('.frac-line').first().evaluate((line) => getComputedStyle(line).borderBottomWidth)).not.toBe('0px');
    expect(await page.getByRole('button', { name: 'Load image' }).count()).toBe(1);
    expect(await violations()).toEqual([]);
  });

  it('draws what KaTeX styles with a style attribute (tall delimiters, ∯, MathML borders) through the CSSOM, breaking no CSP rule', async () => {
    const rows = Array.from({ length: 12 }, (_, row) => `a_{${row}}`).join('\\\\');
    await show(`$$\\left(\\begin{matrix}${rows}\\end{matrix}\\right) \\oiint \\fcolorbox{red}{white}{x} \\boldsymbol{\\alpha}$$`);
    // The tall parenthesis's middle is an SVG as wide as KaTeX says, not the stylesheet's 100 %.
    const widths = await page.locator('.katex svg').evaluateAll((svgs) => svgs.map((svg) => (svg as SVGElement).style.width));
    expect(widths.filter((width) => width.endsWith('em'))).not.toEqual([]);
    expect(await violations()).toEqual([]);
    await show(MIXED_SAMPLE);
  });

  it('opens links through the callback and stays on the page', async () => {
    const before = page.url();
    await page.getByRole('link', { name: 'link' }).click();
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.links)).toEqual(['https://example.com/docs']);
  });

  it('draws Mermaid as an isolated SVG image, and falls back to the source on error', async () => {
    await show('```mermaid\ngraph TD\n  A[Start] --> B{Works?}\n  B -->|Yes| C[Done]\n```\n\n```mermaid\ngraph TD\n  A -->\n```\n');
    const diagram = page.getByRole('img', { name: 'Mermaid diagram' });
    await diagram.waitFor();
    expect(await diagram.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByText(/Diagram could not be drawn/).waitFor();
    expect(await page.locator('pre').last().textContent()).toBe('graph TD\n  A -->');
    // Mermaid lays the diagram out in the page, where the CSP blocks its <style> and style attributes
    // (reported, harmless: the image carries its own styles); nothing else is blocked.
    expect((await violations()).filter((violation) => !/^style-src-(attr|elem) inline/.test(violation))).toEqual([]);
  });

  it('ignores a diagram\'s own configuration: labels stay SVG text, nothing from them reaches the page as HTML', async () => {
    // Every element the page's document ever held, outside the answers' own markup: an HTML label would show here.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { inserted: string[] }).inserted = seen;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) for (const found of [node, ...node.querySelectorAll('*')]) if (/^(img|foreignObject|div|span|script)$/i.test(found.tagName) && found.closest('svg')) seen.push(found.outerHTML.slice(0, 80));
      }).observe(document, { childList: true, subtree: true });
    });
    await show(MERMAID_DIRECTIVES.map((vector) => vector.text).join('\n\n'));
    const drawn = page.getByRole('img', { name: 'Mermaid diagram' }).or(page.getByText('Diagram could not be drawn'));
    await drawn.nth(MERMAID_DIRECTIVES.length - 1).waitFor();
    for (const image of await page.getByRole('img', { name: 'Mermaid diagram' }).all()) {
      const svg = decodeURIComponent((await image.getAttribute('src')) ?? '');
      expect(svg).not.toMatch(/<foreignObject|<img|<div/i);
    }
    expect(await page.evaluate(() => (window as unknown as { inserted: string[] }).inserted)).toEqual([]);
    expect((await violations()).filter((violation) => !/^style-src-(attr|elem) inline/.test(violation))).toEqual([]);
  });

  it('draws a long answer the same whether its blocks were grouped while streaming or when opened: the runs add no space', async () => {
    const text = sampleAnswer(40_000).slice(0, 40_000);
    // Each block's top and height inside the answer, in CSS px.
    const layout = () =>
      page.evaluate((runClass) => {
        const answer = document.querySelector('.md') as HTMLElement;
        const top = answer.getBoundingClientRect().top;
        return [...answer.querySelectorAll(`:scope > .${runClass} > *`)].map((block) => {
          const box = block.getBoundingClientRect();
          return `${block.tagName} ${(box.top - top).toFixed(2)} ${box.height.toFixed(2)}`;
        });
      }, BLOCK_RUN_CLASS);
    const runs = () => page.evaluate((runClass) => document.querySelectorAll(`.md > .${runClass}`).length, BLOCK_RUN_CLASS);
    // Streamed: its first character, then the rest in one chunk (shown first when long, its finished part would be cut into pieces).
    await page.evaluate((answer) => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.stream('parley', answer, 1, answer.length - 1, 1), text);
    const streamed = { blocks: await layout(), runs: await runs() };
    await page.evaluate((answer) => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.open('parley', answer), text);
    await page.waitForFunction(() => document.querySelector('.md-pending') === null);
    const opened = { blocks: await layout(), runs: await runs() };
    // Different groupings (32 blocks streamed, ~1,000 characters opened) of the same blocks, laid out alike.
    expect(streamed.runs).toBeGreaterThan(1);
    expect(opened.runs).not.toBe(streamed.runs);
    expect(opened.blocks.length).toBeGreaterThan(100);
    expect(opened.blocks).toEqual(streamed.blocks);
    await show(MIXED_SAMPLE);
  });

  it('keeps the 12 px block gap before a paragraph: after a paragraph, a code block and a table', async () => {
    await show('First paragraph.\n\nSecond paragraph.\n\n```js\nconst x = 1;\n```\n\nAfter the code.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter the table.');
    const gaps = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.md > .md-run > *')];
      return blocks.slice(1).map((block, index) => `${blocks[index]?.tagName} → ${block.tagName}: ${Math.round(block.getBoundingClientRect().top - (blocks[index] as Element).getBoundingClientRect().bottom)}`);
    });
    expect(gaps).toEqual(['P → P: 12', 'P → FIGURE: 12', 'FIGURE → P: 12', 'P → DIV: 12', 'DIV → P: 12']);
    await show(MIXED_SAMPLE);
  });

  it('shows a paragraph of thousands of inline nodes in parts that read as the paragraph: no gap, each cut at a line break', async () => {
    // Shorter than an answer shown in pieces, with fewer delimiters than the limit: all of it drawn at once, as written.
    const lines = Array.from({ length: 200 }, (_, n) => `Line ${n} has \`code ${n}\` and *some* words, then [a link](https://example.com/${n}).`);
    await show(lines.join('  \n'));
    const drawn = await page.evaluate((partClass) => {
      const parts = [...document.querySelectorAll('.md p')];
      const box = (element: Element | undefined) => element?.getBoundingClientRect() ?? new DOMRect();
      // The same content as one paragraph, beside the parts: the parts take its height exactly.
      const whole = document.createElement('p');
      whole.innerHTML = parts.map((part) => part.innerHTML).join('');
      parts[0]?.parentElement?.append(whole);
      const wholeHeight = box(whole).height;
      whole.remove();
      return {
        parts: parts.length,
        continuing: parts.filter((part) => part.classList.contains(partClass)).length,
        gaps: [...new Set(parts.slice(1).map((part, index) => Math.round(box(part).top - box(parts[index]).bottom)))],
        height: box(parts.at(-1)).bottom - box(parts[0]).top,
        wholeHeight,
        text: parts.map((part) => part.textContent).join(''),
      };
    }, PARAGRAPH_PART_CLASS);
    expect(drawn.parts).toBeGreaterThan(10);
    expect(drawn.continuing).toBe(drawn.parts - 1);
    expect(drawn.gaps).toEqual([0]);
    expect(drawn.height).toBeCloseTo(drawn.wholeHeight, 1);
    expect(drawn.text).toBe(lines.map((line) => line.replace(/`|\*|\[|\]\([^)]*\)/g, '')).join('\n'));
    await show(MIXED_SAMPLE);
  });

  it('shows a long list in parts that read as the list: items as far apart as within a part, numbered on', async () => {
    const items = Array.from({ length: 400 }, (_, n) => `${n + 1}. Item ${n + 1} with \`code\` and **bold** words, and a few more to fill it`);
    await show(items.join('\n'));
    // The parts out of view are drawn when the page is idle.
    await page.waitForFunction((pending) => document.querySelector(`.md .${pending}`) === null && document.querySelectorAll('.md li').length === 400, PENDING_PART_CLASS);
    const drawn = await page.evaluate((partClass) => {
      const lists = [...document.querySelectorAll('.md ol')] as HTMLOListElement[];
      const rows = [...document.querySelectorAll('.md li')].map((item) => item.getBoundingClientRect());
      return {
        lists: lists.length,
        continuing: lists.filter((list) => list.classList.contains(partClass)).length,
        starts: lists.map((list) => list.start),
        counts: lists.map((list) => list.children.length),
        gaps: [...new Set(rows.slice(1).map((row, index) => Math.round(row.top - (rows[index]?.bottom ?? 0))))],
        lefts: [...new Set(rows.map((row) => Math.round(row.left)))],
      };
    }, LIST_PART_CLASS);
    expect(drawn.lists).toBeGreaterThan(10);
    expect(drawn.continuing).toBe(drawn.lists - 1);
    expect(drawn.starts).toEqual(drawn.counts.map((_, index) => 1 + drawn.counts.slice(0, index).reduce((sum, count) => sum + count, 0)));
    expect(drawn.gaps).toEqual([4]);
    expect(drawn.lefts).toHaveLength(1);
    await show(MIXED_SAMPLE);
  });

  it('lays a very long code line out in runs side by side: one line, its text whole', async () => {
    const long = 'aא '.repeat(10_000);
    await show(`\`\`\`text\n${long}\nshort\n\`\`\``);
    await drawn();
    const laidOut = await page.evaluate((runClass) => {
      const runs = [...document.querySelectorAll(`.md pre .${runClass}`)];
      const lines = document.querySelector('.md pre code > *') as HTMLElement;
      return {
        runs: runs.length,
        tops: [...new Set(runs.map((run) => Math.round(run.getBoundingClientRect().top)))].length,
        lines: Math.round(lines.getBoundingClientRect().height / parseFloat(getComputedStyle(lines).lineHeight)),
        text: document.querySelector('.md pre code')?.textContent,
      };
    }, CODE_RUN_CLASS);
    expect(laidOut.runs).toBeGreaterThan(50);
    expect(laidOut.tops).toBe(1);
    expect(laidOut.lines).toBe(2);
    expect(laidOut.text).toBe(`${long}\nshort`);
    await show(MIXED_SAMPLE);
  });

  it('lays a long code block out in boxes of lines that read as one block: its text, its lines, blank ones too', async () => {
    // Blank lines where a box ends and where one begins.
    const code = Array.from({ length: 100 }, (_, n) => (n % 20 === 19 || n % 20 === 0 ? '' : `const line${n} = ${n}; // עברית`)).join('\n');
    await show(`\`\`\`text\n${code}\n\`\`\``);
    // Boxes off screen are laid out once a frame finds them on screen (content-visibility): their height is their real one from then on.
    await drawn();
    const lines = await page.evaluate((boxClass) => {
      const body = document.querySelector('.md pre') as HTMLElement;
      // The same text in one box, beside it.
      const whole = body.cloneNode() as HTMLElement;
      whole.textContent = body.textContent;
      body.after(whole);
      const heights = [body.getBoundingClientRect().height, whole.getBoundingClientRect().height];
      whole.remove();
      return { boxes: body.querySelectorAll(`.${boxClass}`).length, text: body.textContent, heights };
    }, CODE_LINES_CLASS);
    expect(lines.boxes).toBe(5);
    expect(lines.text).toBe(code);
    expect(lines.heights[0]).toBeCloseTo(lines.heights[1] ?? 0, 1);
    await show(MIXED_SAMPLE);
  });

  it('holds the place of a code block off screen with its own lines, not more: the page keeps its height when it is laid out', async () => {
    const code = (lines: number) => Array.from({ length: lines }, (_, n) => `line ${n}`).join('\n');
    // Below a screenful of paragraphs: the blocks are rendered off screen and never laid out there.
    const above = Array.from({ length: 80 }, (_, n) => `Paragraph ${n}.`).join('\n\n');
    await show(`${above}\n\n\`\`\`text\n${code(1)}\n\`\`\`\n\n\`\`\`text\n${code(7)}\n\`\`\`\n\n\`\`\`text\n${code(33)}\n\`\`\``);
    await drawn();
    const bodyHeights = () => page.evaluate(() => [...document.querySelectorAll('.md pre')].map((body) => body.getBoundingClientRect().height));
    const skipped = await page.evaluate(
      (boxClass) => [...document.querySelectorAll('.md pre')].map((body) => [...body.querySelectorAll(`.${boxClass}`)].every((box) => !box.checkVisibility({ contentVisibilityAuto: true }))),
      CODE_LINES_CLASS,
    );
    const held = await bodyHeights();
    await page.evaluate((boxClass) => document.querySelectorAll<HTMLElement>(`.${boxClass}`).forEach((box) => box.style.setProperty('content-visibility', 'visible')), CODE_LINES_CLASS);
    await drawn();
    const laidOut = await bodyHeights();
    expect(skipped).toEqual([true, true, true]);
    held.forEach((height, block) => expect(height).toBeCloseTo(laidOut[block] ?? 0, 0));
    await show(MIXED_SAMPLE);
  });

  it('lays a long text in a list item, a quote or a table cell out in boxes that hold exactly its text', async () => {
    const long = 'Latin and עברית by turns, '.repeat(800);
    await show(`- ${long}\n\n> ${long}\n\n| a |\n| - |\n| ${long} |`);
    await page.waitForFunction(() => document.querySelector('.md-pending') === null);
    const drawn = await page.evaluate((boxClass) =>
      ['li', 'blockquote p', 'td'].map((selector) => {
        const element = document.querySelector(`.md ${selector}`) as HTMLElement;
        const boxes = [...element.querySelectorAll(`.${boxClass}`)];
        return { boxes: boxes.length, longest: Math.max(...boxes.map((box) => box.textContent?.length ?? 0)), text: element.textContent };
      }),
    LONG_TEXT_BOX_CLASS);
    for (const { boxes, longest, text } of drawn) {
      expect(boxes).toBeGreaterThan(10);
      expect(longest).toBeLessThan(1_500);
      expect(text).toBe(long.trim());
    }
    await show(MIXED_SAMPLE);
  });

  it('lays a long text\'s boxes out only as they near the view, each then as tall as its text', async () => {
    await show(`- ${'Latin and עברית by turns, '.repeat(4_000)}`);
    await drawn();
    // The last box's height in lines, and the height of a copy of it laid out at once.
    const lastBox = () =>
      page.evaluate((boxClass) => {
        const box = [...document.querySelectorAll(`.md li .${boxClass}`)].at(-1) as HTMLElement;
        const copy = box.cloneNode(true) as HTMLElement;
        copy.style.contentVisibility = 'visible';
        box.after(copy);
        const heights = { lines: box.getBoundingClientRect().height / parseFloat(getComputedStyle(box).lineHeight), box: box.getBoundingClientRect().height, copy: copy.getBoundingClientRect().height };
        copy.remove();
        return heights;
      }, LONG_TEXT_BOX_CLASS);
    // Off screen: the four lines that hold its place.
    expect((await lastBox()).lines).toBeCloseTo(4, 5);
    await page.evaluate((boxClass) => [...document.querySelectorAll(`.md li .${boxClass}`)].at(-1)?.scrollIntoView(), LONG_TEXT_BOX_CLASS);
    await drawn();
    const inView = await lastBox();
    expect(inView.box).toBeCloseTo(inView.copy, 1);
    expect(inView.lines).not.toBeCloseTo(4, 5);
    await page.evaluate(() => window.scrollTo(0, 0));
    await show(MIXED_SAMPLE);
  });

  it('draws delimiters past the limit in the text font: no fallback font, whose long runs Chromium lays out in quadratic time', async () => {
    await show(`${'*a* _b_ ~c~ [d] '.repeat(MAX_DELIMITERS)}end`);
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.md p' });
    await cdp.send('CSS.enable');
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // One font family for letters and look-alikes alike (its regular and italic faces).
    expect(new Set(fonts.map((font) => font.familyName)).size).toBe(1);
    expect(await page.locator('.md p').first().textContent()).toContain('⁎a⁎');
    await cdp.detach();
    await show(MIXED_SAMPLE);
  });

  it('restyles only the part it adds when a long answer fills in a part that waited, not every block after it', async () => {
    const text = sampleAnswer(60_000).slice(0, 60_000);
    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    await page.evaluate((answer) => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.open('parley', answer), text);
    await page.waitForFunction(() => document.querySelector('.md-pending') === null);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; args?: { elementCount?: number } }[] };
    const restyled = traceEvents.flatMap((event) => (event.name === 'UpdateLayoutTree' && event.args?.elementCount !== undefined ? [event.args.elementCount] : []));
    const elements = await page.evaluate(() => document.querySelectorAll('.md *').length);
    // The first frame styles what it shows, and each part filled in styles itself: never most of the answer again.
    expect(elements).toBeGreaterThan(5_000);
    expect(restyled.length).toBeGreaterThan(5);
    expect(restyled.slice(1).filter((count) => count > elements / 4)).toEqual([]);
    await show(MIXED_SAMPLE);
  });
});
