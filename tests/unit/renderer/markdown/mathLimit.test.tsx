// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { FORMULAS_PER_IDLE, MATH_PER_BLOCK } from '../../../../renderer/features/markdown/mathLimit';
import { LONG_PARAGRAPH_CHARS, PARAGRAPH_PART_CLASS } from '../../../../renderer/features/markdown/paragraphParts';

afterEach(cleanup);

const typesetCount = (container: HTMLElement) => container.querySelectorAll('math').length;
const formulas = (count: number) => Array.from({ length: count }, (_, i) => `$x_{${i}}$`);

it(`typesets the first ${MATH_PER_BLOCK} formulas of a block and shows the rest as written, in one text`, async () => {
  const extra = 50;
  const dense = formulas(MATH_PER_BLOCK + extra);
  const { container } = render(<Markdown text={`${dense.join(' ')}\n\nAfter it: $y$ and $$z$$`} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + 2), { timeout: 20_000 });
  expect(container.querySelector('p')?.lastChild?.textContent).toBe(` ${dense.slice(MATH_PER_BLOCK).join(' ')}`);
  // The next paragraph is a block of its own: its formulas are typeset.
  expect(container.querySelector('p:last-of-type annotation')?.textContent).toBe('y');
  // Only the block that hit the cap offers the rest.
  expect(screen.getAllByRole('button', { name: 'Show all formulas' })).toHaveLength(1);
  expect(container.textContent).toContain(`${extra} more shown as written`);
});

it('"Show all formulas" typesets the rest of the block, a slice at a time, and they stay typeset', async () => {
  const extra = 2 * FORMULAS_PER_IDLE + 20;
  const text = `${formulas(MATH_PER_BLOCK + extra).join(' ')}\n\n$$\n\\frac{1}{2}\n$$`;
  const { container, rerender } = render(<Markdown text={text} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + 1), { timeout: 20_000 });

  fireEvent.click(screen.getByRole('button', { name: 'Show all formulas' }));
  // Not all at once: the rest come in slices while the window is idle, with how far it has come.
  expect(screen.getByRole('status').textContent).toBe(`Typesetting formulas: ${MATH_PER_BLOCK} of ${(MATH_PER_BLOCK + extra).toLocaleString('en')}`);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + extra + 1), { timeout: 20_000 });
  expect(container.querySelector('.md-math-source')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Show all formulas' })).toBeNull();
  expect(screen.queryByRole('status')).toBeNull();
  expect(container.querySelectorAll('p math')).toHaveLength(MATH_PER_BLOCK + extra);

  // Shown again (a new link handler, as when the conversation re-renders): still all typeset.
  rerender(<Markdown text={text} streaming={false} onOpenLink={vi.fn()} />);
  expect(typesetCount(container)).toBe(MATH_PER_BLOCK + extra + 1);
});

it('display formulas past the cap show as written with the reason, until asked for', async () => {
  const text = Array.from({ length: MATH_PER_BLOCK + 1 }, (_, i) => `- $$y_{${i}}$$`).join('\n');
  const { container } = render(<Markdown text={text} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK), { timeout: 20_000 });
  const asWritten = container.querySelector('.md-math-source');
  expect(asWritten?.textContent).toBe(`y_{${MATH_PER_BLOCK}}`);
  expect(asWritten?.getAttribute('title')).toContain(`more than ${MATH_PER_BLOCK} formulas`);
  fireEvent.click(screen.getByRole('button', { name: 'Show all formulas' }));
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + 1), { timeout: 20_000 });
});

it('an answer with a few formulas has them all typeset, the same one as often as it is written', async () => {
  const { container } = render(<Markdown text={'$a^2$ and $a^2$, then $b$.\n\n$$\n\\frac{1}{2}\n$$'} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(4), { timeout: 20_000 });
  expect(container.querySelector('.md-math-source')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Show all formulas' })).toBeNull();
});

it('a paragraph long enough to be shown in parts keeps one limit for all its parts, and one "Show all formulas" at its end', async () => {
  const extra = FORMULAS_PER_IDLE + 30;
  const paragraph = formulas(MATH_PER_BLOCK + extra)
    .map((formula) => `then ${formula} and *some* words`)
    .join(' ');
  expect(paragraph.length).toBeGreaterThan(LONG_PARAGRAPH_CHARS);
  const { container } = render(<Markdown text={`${paragraph}\n\nAfter it: $y$`} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(container.textContent).toContain('After it:'), { timeout: 20_000 });
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + 1), { timeout: 20_000 });
  expect(container.querySelectorAll(`.${PARAGRAPH_PART_CLASS}`).length).toBeGreaterThan(5);
  expect(container.textContent).toContain(`$x_{${MATH_PER_BLOCK}}$`);
  expect(screen.getAllByRole('button', { name: 'Show all formulas' })).toHaveLength(1);
  expect(container.textContent).toContain(`${extra} more shown as written`);
  // It follows the paragraph, as it does a paragraph shown whole.
  const offer = screen.getByRole('button', { name: 'Show all formulas' }).closest('.md-more-formulas');
  expect(offer?.previousElementSibling?.className).toBe(PARAGRAPH_PART_CLASS);
  expect(offer?.previousElementSibling?.textContent).toMatch(/ and some words$/);
  expect(offer?.nextElementSibling?.textContent).toMatch(/^After it:/);

  fireEvent.click(screen.getByRole('button', { name: 'Show all formulas' }));
  expect(screen.getByRole('status').textContent).toBe(`Typesetting formulas: ${MATH_PER_BLOCK} of ${MATH_PER_BLOCK + extra}`);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + extra + 1), { timeout: 20_000 });
  expect(container.textContent).not.toContain('$x_');
  expect(screen.queryByRole('button', { name: 'Show all formulas' })).toBeNull();
  expect(screen.queryByRole('status')).toBeNull();
});
