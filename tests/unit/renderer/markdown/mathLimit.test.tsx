// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { MATH_PER_BLOCK } from '../../../../renderer/features/markdown/mathLimit';

afterEach(cleanup);

const typesetCount = (container: HTMLElement) => container.querySelectorAll('math').length;
const asWritten = (container: HTMLElement) => [...container.querySelectorAll('.md-math-source')].filter((code) => code.getAttribute('title')?.startsWith('Shown as written'));

it(`typesets the first ${MATH_PER_BLOCK} formulas of a block and shows the rest as written, with a tooltip saying why`, async () => {
  const extra = 50;
  const dense = Array.from({ length: MATH_PER_BLOCK + extra }, (_, i) => `$x_{${i}}$`).join(' ');
  const { container } = render(<Markdown text={`${dense}\n\nAfter it: $y$ and $$z$$`} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + 2), { timeout: 20_000 });
  expect(asWritten(container).map((code) => code.textContent)).toEqual(Array.from({ length: extra }, (_, i) => `x_{${MATH_PER_BLOCK + i}}`));
  // The next paragraph is a block of its own: its formulas are typeset.
  expect(container.querySelector('p:last-of-type annotation')?.textContent).toBe('y');
});

it('an answer with a few formulas has them all typeset, the same one as often as it is written', async () => {
  const { container } = render(<Markdown text={'$a^2$ and $a^2$, then $b$.\n\n$$\n\\frac{1}{2}\n$$'} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(4), { timeout: 20_000 });
  expect(container.querySelector('.md-math-source')).toBeNull();
});
