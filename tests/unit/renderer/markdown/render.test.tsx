// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mathModule } from '../../../../renderer/features/markdown/lazyMath';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { MIXED_SAMPLE } from './sample';

// KaTeX loads on first use (lazyMath.test.tsx shows that); here it is there from the start.
beforeAll(() => mathModule.load());
afterEach(cleanup);

function renderAnswer(text: string, onOpenLink = vi.fn()) {
  const view = render(<Markdown text={text} streaming={false} onOpenLink={onOpenLink} />);
  return { ...view, onOpenLink };
}

describe('Markdown', () => {
  it('renders the mixed sample as the right elements', () => {
    const { container } = renderAnswer(MIXED_SAMPLE);
    expect(screen.getByRole('heading', { level: 1, name: 'Résumé of the results 🚀' })).toBeTruthy();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('italic');
    expect(container.querySelector('del')?.textContent).toBe('struck');

    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Model', 'Score', 'Notes']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('cell', { name: '東京' })).toBeTruthy();

    const pre = container.querySelector('pre');
    expect(pre?.textContent).toBe('const answer: number = 42;\nconsole.log(answer);');
    expect(container.querySelector('.md-code-language')?.textContent).toBe('ts');
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeTruthy();

    // Inline $…$, \(…\), and display $$…$$ and \[…\], each with MathML for screen readers.
    expect(container.querySelectorAll('.md-math-inline .katex')).toHaveLength(2);
    expect(container.querySelectorAll('.md-math-display .katex-display')).toHaveLength(2);
    expect(container.querySelectorAll('math')).toHaveLength(4);
    expect(container.querySelector('annotation')?.textContent).toBe('e^{i\\pi} + 1 = 0');

    const checkboxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(checkboxes.map((box) => box.checked)).toEqual([true, false]);
    expect(container.querySelectorAll('ol > li')).toHaveLength(2);
    expect(container.querySelector('blockquote')?.textContent).toContain('A quote with a link');

    expect(screen.getByRole('link', { name: 'link' }).getAttribute('href')).toBe('https://example.com/docs');
    expect(screen.getByRole('link', { name: 'https://wandb.ai' }).getAttribute('href')).toBe('https://wandb.ai/');
    expect(screen.getByText('A chart')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load image' })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('opens a link through onOpenLink and never navigates the window', async () => {
    const { onOpenLink } = renderAnswer('See [the docs](https://example.com/a?b=1#c) or [mail](mailto:team@example.com).');
    const link = screen.getByRole('link', { name: 'the docs' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(onOpenLink).toHaveBeenCalledWith('https://example.com/a?b=1#c');
    await userEvent.click(screen.getByRole('link', { name: 'mail' }));
    expect(onOpenLink).toHaveBeenLastCalledWith('mailto:team@example.com');
    expect(window.location.href).toBe('http://localhost:3000/');
  });

  it('loads a remote image only after "Load image", without a referrer', async () => {
    const { container } = renderAnswer('![Sales by month](https://tracker.example.com/leak?q=secret)');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('Sales by month')).toBeTruthy();
    expect(screen.getByText('tracker.example.com')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Load image' }));
    const img = screen.getByRole('img', { name: 'Sales by month' });
    expect(img.getAttribute('src')).toBe('https://tracker.example.com/leak?q=secret');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('shows inline raster data: images, but not SVG or other data: sources', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { container } = renderAnswer(`![dot](${png}) ![vector](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![page](data:text/html,hi)`);
    expect(screen.getByRole('img', { name: 'dot' }).getAttribute('src')).toBe(png);
    expect(container.querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByText('vector')).toBeTruthy();
    expect(screen.getByText('page')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load image' })).toBeNull();
  });

  it('copies exactly the code and says "Copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAnswer('Try:\n\n```python\nprint("hi")\n\tindent = True\n```\n');
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith('print("hi")\n\tindent = True');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'), { timeout: 15_000 });
    // The button keeps its name; the icon turns into a check for the eyes.
    expect(screen.getByRole('button', { name: 'Copy code' }).querySelector('.lucide-check')).not.toBeNull();
  });

  it('shows plain code at once and highlighted tokens when the grammar has loaded', async () => {
    const { container } = renderAnswer('```js\nconst x = "s"; // note\n```');
    const code = () => container.querySelector('pre code');
    expect(code()?.textContent).toBe('const x = "s"; // note');
    await vi.waitFor(() => expect(code()?.querySelectorAll('.md-code-lines span[style]').length).toBeGreaterThan(3), { timeout: 30_000 });
    expect(code()?.textContent).toBe('const x = "s"; // note');
    const keyword = [...(code()?.querySelectorAll('span') ?? [])].find((span) => span.textContent === 'const') as HTMLElement;
    expect(keyword.style.color).toBe('var(--md-code-token-keyword)');
  });

  it('shows each footnote once, where it is written, under its label, however many blocks cite it', () => {
    const { container } = renderAnswer('One.[^a]\n\nTwo.[^a] Three.[^b]\n\n- item[^c]\n\n[^a]: First note.\n[^b]: Second, [linked](https://example.com/b).\n\n> [^c]: In a quote.\n');
    expect([...container.querySelectorAll('sup.md-footnote-ref')].map((ref) => ref.textContent)).toEqual(['a', 'a', 'b', 'c']);
    expect([...container.querySelectorAll('.md-footnote')].map((note) => note.textContent)).toEqual(['aFirst note.', 'bSecond, linked.', 'cIn a quote.']);
    expect(container.querySelector('blockquote .md-footnote')).not.toBeNull();
    // No per-block footer: GFM's "Footnotes" section drawn under every block that cited a note.
    expect(container.querySelector('section, h2')).toBeNull();
    expect(within(container).getByRole('link', { name: 'linked' })).toBeTruthy();
  });

  it('keeps a code block of an unknown language plain, with its label', async () => {
    const { container } = renderAnswer('```klingon\nqapla\n```');
    expect(container.querySelector('.md-code-language')?.textContent).toBe('klingon');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Its text, with no highlighted token.
    expect(container.querySelector('pre code')?.textContent).toBe('qapla');
    expect(container.querySelector('pre code .md-code-lines span[style]')).toBeNull();
  });
});
