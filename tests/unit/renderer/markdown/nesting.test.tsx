// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerBoundary } from '../../../../renderer/features/markdown/AnswerBoundary';
import { MAX_NESTING } from '../../../../renderer/features/markdown/boundDepth';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { DEEP_NESTING } from '../../../fixtures/xssCorpus';

afterEach(cleanup);

/** The deepest chain of elements under `root`. */
function depthOf(root: Element): number {
  let deepest = 0;
  const walk: [Element, number][] = [[root, 0]];
  for (let next = walk.pop(); next; next = walk.pop()) {
    const [element, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) walk.push([child, depth + 1]);
  }
  return deepest;
}

describe('deeply nested Markdown', () => {
  it.each(DEEP_NESTING.map((vector) => [vector.name, vector.text]))('%s renders, the part past the limit as text', (_name, text) => {
    const { container } = render(<Markdown text={text} streaming={false} onOpenLink={vi.fn()} />);
    expect(screen.queryByText('This answer could not be displayed.')).toBeNull();
    // Each Markdown level is at most a few elements (a list item holds a paragraph, a quote a paragraph).
    expect(depthOf(container)).toBeLessThan(MAX_NESTING * 4);
    expect(container.textContent).toContain('bottom');
  });

  it('keeps what is within the limit as Markdown', () => {
    const { container } = render(<Markdown text={`${'> '.repeat(5)}five deep`} streaming={false} onOpenLink={vi.fn()} />);
    expect(container.querySelectorAll('blockquote')).toHaveLength(5);
    expect(container.textContent?.trim()).toBe('five deep');
  });

  it('shows 5,000 nested quotes past the limit as their text', () => {
    const { container } = render(<Markdown text={`${'>'.repeat(5_000)} bottom`} streaming={false} onOpenLink={vi.fn()} />);
    expect(container.querySelectorAll('blockquote').length).toBeLessThanOrEqual(MAX_NESTING);
    expect(container.textContent).toContain(`${'>'.repeat(100)}`);
  });

  it('streams a deep answer chunk by chunk without failing', () => {
    const text = `${'- '.repeat(300)}item\n\n${'*'.repeat(600)}bottom${'*'.repeat(600)}`;
    const view = render(<Markdown text="" streaming onOpenLink={vi.fn()} />);
    for (let end = 50; end <= text.length; end += 50) view.rerender(<Markdown text={text.slice(0, end)} streaming onOpenLink={vi.fn()} />);
    view.rerender(<Markdown text={text} streaming={false} onOpenLink={vi.fn()} />);
    expect(view.container.textContent).toContain('bottom');
  });
});

function Exploding(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

describe('an answer that cannot be displayed', () => {
  it('says so in its own place, keeps the rest, and copies its raw text', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <p>the rest of the window</p>
        <AnswerBoundary text="the raw **answer**">
          <Exploding />
        </AnswerBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This answer could not be displayed.');
    expect(screen.getByText('the rest of the window')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy raw text' }));
    expect(await navigator.clipboard.readText()).toBe('the raw **answer**');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('tries again when the text changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = render(
      <AnswerBoundary text="one">
        <Exploding />
      </AnswerBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    view.rerender(
      <AnswerBoundary text="two">
        <p>fine now</p>
      </AnswerBoundary>,
    );
    expect(screen.getByText('fine now')).toBeTruthy();
  });
});
