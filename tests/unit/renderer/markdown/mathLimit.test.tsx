// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { MATH_PER_BLOCK } from '../../../../renderer/features/markdown/mathLimit';

afterEach(cleanup);

const typesetCount = (container: HTMLElement) => container.querySelectorAll('math').length;
it(`typesets the first ${MATH_PER_BLOCK} formulas of a block and shows the rest as written, in one text`, async () => {
  const extra = 50;
  const formulas = Array.from({ length: MATH_PER_BLOCK + extra }, (_, i) => `$x_{${i}}$`);
  const { container } = render(<Markdown text={`${formulas.join(' ')}\n\nAfter it: $y$ and $$z$$`} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(MATH_PER_BLOCK + 2), { timeout: 20_000 });
  const dense = container.querySelector('p');
  expect(dense?.lastChild?.textContent).toBe(` ${formulas.slice(MATH_PER_BLOCK).join(' ')}`);
  // The next paragraph is a block of its own: its formulas are typeset.
  expect(container.querySelector('p:last-of-type annotation')?.textContent).toBe('y');
});

it('an answer with a few formulas has them all typeset, the same one as often as it is written', async () => {
  const { container } = render(<Markdown text={'$a^2$ and $a^2$, then $b$.\n\n$$\n\\frac{1}{2}\n$$'} streaming={false} onOpenLink={vi.fn()} />);
  await vi.waitFor(() => expect(typesetCount(container)).toBe(4), { timeout: 20_000 });
  expect(container.querySelector('.md-math-source')).toBeNull();
});
