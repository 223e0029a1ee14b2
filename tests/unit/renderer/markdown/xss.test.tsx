// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';

afterEach(cleanup);

const ATTACKS = [
  '<script>alert(1)</script>',
  'inline <script>alert(1)</script> script',
  '<img src=x onerror="alert(1)">',
  'text <img src="x" onerror=alert(1)> more',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)><circle r=5 /></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<div style="position:fixed;inset:0">cover</div>',
  '$\\href{javascript:alert(1)}{x}$',
  '$$\n\\url{javascript:alert(1)}\n$$',
  '$\\htmlClass{x}{y} \\includegraphics{https://evil.example/a.png}$',
  '![x](javascript:alert(1))',
  '![x](x" onerror="alert(1))',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
  '```html\n<script>alert(1)</script>\n```',
  '```mermaid\ngraph TD\nA["<img src=x onerror=alert(1)>"] --> B\n```',
];

/**
 * Parley's own icons (lucide's: the "Copy code" button, callouts, the reasoning line) are the one kind of
 * SVG allowed: hidden from screen readers and made of shapes only. SVG from model text never is.
 */
const APP_ICON = 'svg.lucide[aria-hidden="true"]';
const ICON_SHAPES = new Set(['path', 'rect', 'circle', 'line', 'polyline', 'polygon', 'ellipse']);

function inertChecks(container: HTMLElement) {
  expect(container.querySelectorAll('script, iframe, object, embed, form, style, link, meta, base')).toHaveLength(0);
  for (const svg of container.querySelectorAll('svg')) {
    expect(svg.matches(APP_ICON), svg.outerHTML).toBe(true);
    for (const part of svg.querySelectorAll('*')) expect(ICON_SHAPES.has(part.tagName.toLowerCase()), part.outerHTML).toBe(true);
  }
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
  }
  for (const element of container.querySelectorAll('[href]')) expect(element.getAttribute('href')).toMatch(/^(https?|mailto):/);
  for (const element of container.querySelectorAll('[src]')) expect(element.getAttribute('src')).toMatch(/^(https?:|data:image\/(png|jpeg|gif|webp|avif);)/);
  expect(container.querySelectorAll('[style*="fixed"]')).toHaveLength(0);
}

describe('Markdown with hostile input', () => {
  it.each(ATTACKS)('renders %j as text or inert elements', (attack) => {
    const { container } = render(<Markdown text={attack} streaming={false} onOpenLink={vi.fn()} />);
    inertChecks(container);
    expect(container.querySelectorAll('img')).toHaveLength(0);
  });

  it('shows raw HTML as its text', () => {
    const { container } = render(<Markdown text={'Before <script>alert(1)</script> after\n\n<iframe src="x"></iframe>'} streaming={false} onOpenLink={vi.fn()} />);
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('<iframe src="x"></iframe>');
  });

  it('shows HTML entities as the characters they stand for, never as markup', () => {
    const { container } = render(<Markdown text={'&lt;b&gt;not bold&lt;/b&gt; &amp; &copy;'} streaming={false} onOpenLink={vi.fn()} />);
    expect(container.textContent).toBe('<b>not bold</b> & ©');
    expect(container.querySelector('b')).toBeNull();
  });

  it('renders a link with a forbidden scheme as plain text that does nothing when clicked', async () => {
    const onOpenLink = vi.fn();
    const { container } = render(<Markdown text="[click me](JaVaScRiPt:alert(1)) and <javascript:alert(2)>" streaming={false} onOpenLink={onOpenLink} />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    await userEvent.click(screen.getByText('click me'));
    expect(onOpenLink).not.toHaveBeenCalled();
    expect(container.textContent).toBe('click me and javascript:alert(2)');
  });

  it('keeps everything inert while streaming, chunk by chunk', () => {
    const attack = ATTACKS.join('\n\n');
    const view = render(<Markdown text="" streaming onOpenLink={vi.fn()} />);
    for (let end = 7; end <= attack.length; end += 7) {
      view.rerender(<Markdown text={attack.slice(0, end)} streaming onOpenLink={vi.fn()} />);
      inertChecks(view.container);
    }
  });
});
