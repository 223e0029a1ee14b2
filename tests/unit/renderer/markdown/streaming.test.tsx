// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mathModule } from '../../../../renderer/features/markdown/lazyMath';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { BLOCK_RUN_CLASS } from '../../../../renderer/features/markdown/MarkdownBlockGroup';
import { loadLanguage } from '../../../../renderer/features/markdown/highlighter';
import type * as RenderTreeModule from '../../../../renderer/features/markdown/renderTree';
import { DENSE_SHAPES } from '../../../../bench/fixtures/denseMarkup';
import { nestingAt } from '../../../../bench/fixtures/deepNesting';
import { MIXED_SAMPLE } from './sample';

// Counts block renders: renderTree runs once per block render that is not skipped by memo.
// One spy made before any import: Markdown.tsx starts loading its chunk (which imports renderTree)
// as soon as it is imported, and Vitest runs the async factory again for an import that arrives
// while the first is pending; a spy made inside the factory would then not be the one the chunk calls.
const renders = vi.hoisted(() => vi.fn<typeof RenderTreeModule.renderTree>());
// And a list's items, each of which renders on its own (MarkdownList).
const itemRenders = vi.hoisted(() => vi.fn<typeof RenderTreeModule.renderListItem>());
vi.mock('../../../../renderer/features/markdown/renderTree', async (importOriginal) => {
  const original = await importOriginal<typeof RenderTreeModule>();
  renders.mockImplementation(original.renderTree);
  itemRenders.mockImplementation(original.renderListItem);
  return { renderTree: renders, renderListItem: itemRenders };
});

// Math and the sample's `ts` grammar load before rendering, so both renders below show them at once
// (and a stream tokenizes its code line by line) rather than whenever each finished loading.
beforeAll(() => Promise.all([mathModule.load(), loadLanguage('ts')]));
beforeEach(() => {
  renders.mockClear();
  itemRenders.mockClear();
});
afterEach(cleanup);

const noop = () => undefined;
const answer = (text: string, streaming: boolean) => <Markdown text={text} streaming={streaming} onOpenLink={noop} />;

/** Streams `text` in chunks of `size` into one Markdown element. */
function stream(text: string, size: number) {
  const view = render(answer(text.slice(0, size), true));
  for (let end = size * 2; end < text.length + size; end += size) view.rerender(answer(text.slice(0, end), true));
  view.rerender(answer(text, false));
  return view;
}

describe('streaming Markdown', () => {
  it('re-renders only the last block for a new chunk, keeping earlier DOM nodes', () => {
    const start = '# Title\n\nFirst paragraph.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nThe last para';
    const view = render(answer(start, true));
    const heading = screen.getByRole('heading', { name: 'Title' });
    const table = screen.getByRole('table');
    renders.mockClear();

    view.rerender(answer(`${start}graph grows`, true));
    expect(renders).toHaveBeenCalledTimes(1);
    expect(view.container.textContent).toContain('The last paragraph grows');
    expect(screen.getByRole('heading', { name: 'Title' })).toBe(heading);
    expect(screen.getByRole('table')).toBe(table);
  });

  it('renders only new blocks when a chunk closes one and starts another', () => {
    const view = render(answer('One.\n\nTwo', true));
    renders.mockClear();
    view.rerender(answer('One.\n\nTwo.\n\nThree', true));
    // "Two." (now finished) and "Three"; "One." is untouched.
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('re-renders only the item that grew in a streaming list, keeping the items before it', () => {
    // After a line of text and no blank line, as models often write it: the list is parsed again from its last item all the same.
    const items = Array.from({ length: 60 }, (_, n) => `${n + 1}. Item ${n + 1} with \`code\` and **bold** words`);
    const start = `Steps:\n${items.join('\n')}`;
    const view = render(answer(start, true));
    const first = view.container.querySelector('li');
    renders.mockClear();
    itemRenders.mockClear();

    view.rerender(answer(`${start} and more`, true));
    expect(itemRenders).toHaveBeenCalledTimes(1);
    expect(renders).toHaveBeenCalledTimes(0);
    expect(view.container.querySelector('li')).toBe(first);
    expect(view.container.querySelectorAll('ol > li')).toHaveLength(60);
    expect(view.container.querySelector('ol > li:last-child')?.textContent).toBe('Item 60 with code and bold words and more');

    // A new item: it and the one before it, parsed again with it.
    itemRenders.mockClear();
    view.rerender(answer(`${start} and more\n61. The next`, true));
    expect(itemRenders).toHaveBeenCalledTimes(2);
    expect(view.container.querySelector('li')).toBe(first);
    expect(view.container.querySelectorAll('ol > li')).toHaveLength(61);
  });

  it('makes references streamed before their definitions links once the definitions arrive, as the answer opened whole shows them', () => {
    // Citations at the end, as models write them: each paragraph is settled long before its label is defined.
    const text = `${Array.from({ length: 30 }, (_, n) => `Paragraph ${n} cites the source [${(n % 3) + 1}].`).join('\n\n')}\n\n[1]: https://example.com/one\n[2]: https://example.com/two "Two"\n[3]: https://example.com/three\n`;
    const streamed = stream(text, 37);
    expect(screen.getAllByRole('link')).toHaveLength(30);
    expect(screen.getAllByRole('link', { name: '2' })[0]?.getAttribute('href')).toBe('https://example.com/two');
    const streamedHtml = blocksHtml(streamed.container);
    cleanup();
    expect(blocksHtml(render(answer(text, false)).container)).toBe(streamedHtml);
  });

  it('resolves a reference to a definition in a quote or a list item, streamed and opened whole, as CommonMark defines it for the whole text', () => {
    // Sources in a quote, a note in a list: a definition defines its label wherever it sits.
    const text = `${Array.from({ length: 8 }, (_, n) => `Paragraph ${n} cites [the source][${(n % 2) + 1}] and a note.[^n]`).join('\n\n')}\n\n> [1]: https://example.com/one\n\n- [2]: https://example.com/two\n- [^n]: The note.\n`;
    const streamed = stream(text, 23);
    expect(screen.getAllByRole('link', { name: 'the source' })).toHaveLength(8);
    expect(screen.getAllByRole('link', { name: 'the source' })[1]?.getAttribute('href')).toBe('https://example.com/two');
    // The note shows once, where it is written, though eight paragraphs cite it.
    expect([...streamed.container.querySelectorAll('.md-footnote')].map((note) => note.textContent)).toEqual(['nThe note.']);
    expect(streamed.container.querySelectorAll('sup.md-footnote-ref')).toHaveLength(8);
    const streamedHtml = blocksHtml(streamed.container);
    cleanup();
    expect(blocksHtml(render(answer(text, false)).container)).toBe(streamedHtml);
  });

  it('shows an unterminated code fence as code while it streams', () => {
    const { container } = render(answer('Code:\n\n```python\ndef f():\n    return 1\n``', true));
    expect(container.querySelector('pre')?.textContent).toBe('def f():\n    return 1');
    expect(container.querySelector('.md-code-language')?.textContent).toBe('python');
  });

  it('shows a table as soon as its header row is complete, and a partial row as a row', () => {
    const view = render(answer('Results:\n\n| Model | Score |\n| --', true));
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Model', 'Score']);
    expect(view.container.textContent).not.toContain('|');
    view.rerender(answer('Results:\n\n| Model | Score |\n| --- | --- |\n| Llama | 9', true));
    expect(screen.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Llama', '9']);
  });

  it('shows unterminated display math as math, and half-written TeX as its source', () => {
    const view = render(answer('$$\nx^2 + y^2\n', true));
    expect(view.container.querySelector('.md-math-display annotation')?.textContent).toBe('x^2 + y^2');
    view.rerender(answer('$$\nx^2 + \\frac{1}{', true));
    expect(view.container.querySelector('.md-math-source')?.textContent).toBe('x^2 + \\frac{1}{');
    view.rerender(answer('$$\nx^2 + \\frac{1}{2}\n$$\n', false));
    expect(view.container.querySelector('.md-math-display annotation')?.textContent).toBe('x^2 + \\frac{1}{2}');
  });

  it('ends a 100,000-character stream with the same DOM as rendering the whole answer at once', { timeout: 240_000 }, async () => {
    const long = longAnswer();
    const streamed = blocksHtml(stream(long, 997).container);
    cleanup();
    const whole = await openedWhole(long);
    expect(streamed).toBe(whole);
    expect(whole.length).toBeGreaterThan(long.length);
  });

  // Without blank lines no cut is safe before parsing: the answer so far is parsed whole once, and rendered in pieces from that parse.
  it.each([
    ['with blank lines', longAnswer()],
    ['without blank lines', longAnswer().replace(/\n\n+/g, '\n')],
  ])('shows a long answer first seen while it streams from its end, and streams on to the same DOM (%s)', { timeout: 240_000 }, async (_, long) => {
    // Its conversation opened, or its row scrolled back into view, 60,000 characters in.
    const view = render(answer(long.slice(0, 60_000), true));
    const lastPart = /Part (\d+)/g;
    const partsSoFar = [...long.slice(0, 60_000).matchAll(lastPart)];
    expect(view.container.textContent).toContain(partsSoFar.at(-2)?.[0]);
    expect(view.container.textContent).not.toContain(`Part ${Math.floor(partsSoFar.length / 2)} `);
    expect(view.container.querySelector('.md-pending')).not.toBeNull();
    for (let end = 61_000; end < long.length + 1_000; end += 1_000) view.rerender(answer(long.slice(0, end), true));
    view.rerender(answer(long, false));
    await vi.waitFor(() => expect(view.container.querySelector('.md-pending')).toBeNull(), { timeout: 60_000 });
    const streamed = blocksHtml(view.container);
    cleanup();
    expect(streamed).toBe(await openedWhole(long));
  });

  it('shows the end of a long streaming answer with no block settled first, the rest when idle, as one parse shows it', { timeout: 240_000 }, async () => {
    // Quoted lists of display math with no blank line: appended text could still change every block.
    const shape = DENSE_SHAPES.find((candidate) => candidate.name === 'display math in quoted lists');
    if (!shape) throw new Error('The dense corpus has the shape');
    const text = nestingAt(shape, 30_000);
    const view = render(answer(text, true));
    const blocksShown = () => view.container.querySelectorAll(`.md > .${BLOCK_RUN_CLASS} > *`).length;
    const atFirst = blocksShown();
    expect(view.container.querySelector('.md-pending')).not.toBeNull();
    await vi.waitFor(() => expect(view.container.querySelector('.md-pending')).toBeNull(), { timeout: 60_000 });
    expect(atFirst).toBeLessThan(blocksShown() / 4);
    view.rerender(answer(text, false));
    const streamed = blocksHtml(view.container);
    cleanup();
    expect(streamed).toBe(await openedWhole(text));
  });

  it('shows a paragraph of thousands of code spans in parts, streamed or opened alike, the visible parts of it first', { timeout: 240_000 }, async () => {
    const shape = DENSE_SHAPES.find((candidate) => candidate.name === 'code spans in one paragraph');
    if (!shape) throw new Error('The dense corpus has the shape');
    const text = nestingAt(shape, 30_000);
    const streamed = blocksHtml(stream(text, 2_999).container);
    cleanup();
    const view = render(answer(text, false));
    const codeSpans = () => view.container.querySelectorAll('code').length;
    const atFirst = codeSpans();
    await vi.waitFor(() => expect(view.container.querySelector('.md-pending')).toBeNull(), { timeout: 60_000 });
    // About a window from each end (jsdom's is 768 px tall) at first, out of 7,500.
    expect(atFirst).toBeLessThan(codeSpans() / 2);
    expect(codeSpans()).toBe(text.split('`').length / 2 - 0.5);
    expect(blocksHtml(view.container)).toBe(streamed);
  });

  it.each([
    ['at its end', 500],
    ['in its middle', 300],
  ])('shows a long list in parts, streamed or opened alike, also when a blank line %s makes it loose', { timeout: 240_000 }, async (_, blankAfter) => {
    // Numbered "1." throughout, as models often write: drawn numbered on.
    const items = Array.from({ length: 501 }, (_, n) => `1. Item ${n + 1} with \`code\` and **bold** words`);
    const text = `${items.slice(0, blankAfter).join('\n')}\n\n${items.slice(blankAfter).join('\n')}\n\nAfter the list.\n`;
    const streamed = stream(text, 997).container;
    const lists = [...streamed.querySelectorAll('ol')];
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.at(-1)?.start).toBe(502 - (lists.at(-1)?.children.length ?? 0));
    // Loose: every item's text is a paragraph, in the parts streamed before the blank line too.
    expect(streamed.querySelectorAll('li > p')).toHaveLength(501);
    const streamedHtml = blocksHtml(streamed);
    cleanup();
    expect(await openedWhole(text)).toBe(streamedHtml);
  });
});

/** About 100,000 characters of the mixed sample, each copy's heading numbered. */
function longAnswer(): string {
  let long = '';
  for (let part = 0; long.length < 100_000; part++) long += `${MIXED_SAMPLE.replace('Résumé', `Part ${part}`)}\n`;
  return long;
}

/**
 * The answer's blocks as HTML. React leaves `style=""` where an element it reused lost its inline
 * styles: same rendering. useId values count the components rendered before them: renumbered in
 * order of appearance. Blocks are grouped into runs differently (32 blocks streamed, ~1,000
 * characters opened): the blocks are compared, and markdown.css keeps the runs invisible (the
 * Chromium test measures it).
 */
function blocksHtml(container: HTMLElement): string {
  const ids = new Map<string, string>();
  const renumber = (id: string) => ids.get(id) ?? ids.set(id, `_id${ids.size}_`).get(id) ?? id;
  const blocks = [...container.querySelectorAll(`.md > .${BLOCK_RUN_CLASS} > *`)].map((block) => block.outerHTML).join('');
  return blocks.replaceAll(' style=""', '').replace(/_r_[0-9a-z]+_/g, renumber);
}

/** `text` opened whole, as a finished answer: its ends first and the middle when idle, waited for. */
async function openedWhole(text: string): Promise<string> {
  const opened = render(answer(text, false)).container;
  expect(opened.querySelector('.md-pending')).not.toBeNull();
  await vi.waitFor(() => expect(opened.querySelector('.md-pending')).toBeNull(), { timeout: 60_000 });
  return blocksHtml(opened);
}
