// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';

afterEach(cleanup);

it('shows math as its TeX until KaTeX has loaded, then typeset with MathML', async () => {
  const { container } = render(<Markdown text={'Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\frac{1}{2}\n$$'} streaming={false} onOpenLink={vi.fn()} />);
  expect([...container.querySelectorAll('.md-math-source')].map((code) => code.textContent)).toEqual(['e^{i\\pi} + 1 = 0', '\\frac{1}{2}']);
  await vi.waitFor(() => expect(container.querySelectorAll('math')).toHaveLength(2), { timeout: 20_000 });
  expect(container.querySelector('.md-math-source')).toBeNull();
  expect(container.querySelector('.md-math-display annotation')?.textContent).toBe('\\frac{1}{2}');
});
