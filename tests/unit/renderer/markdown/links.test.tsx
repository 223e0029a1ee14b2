// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMarkdown, Markdown } from '../../../../renderer/features/markdown/Markdown';

afterEach(cleanup);

function renderAnswer(text: string) {
  const onOpenLink = vi.fn();
  render(<Markdown text={text} streaming={false} onOpenLink={onOpenLink} />);
  return onOpenLink;
}

describe('links that show one address and open another', () => {
  it.each([
    ['a URL as text', '[https://good.example/login](https://evil.invalid/phish)'],
    ['a URL as title', '[sign in](https://evil.invalid/phish "https://good.example/login")'],
    ['both, as in the report', '[https://good.example/login](https://evil.invalid/phish "https://good.example/login")'],
    ['a bare host as text', '[good.example](https://evil.invalid/)'],
    ['a host as a suffix of the real one', '[good.example](https://good.example.evil.invalid/)'],
    ['a www host', '[www.good.example/login](https://evil.invalid/)'],
    ['an address in code', '[`https://good.example`](https://evil.invalid/)'],
  ])('%s: the tooltip and a confirmation name the real host', async (_name, text) => {
    const onOpenLink = renderAnswer(text);
    const link = screen.getByRole('link');
    expect(link.getAttribute('title')).toMatch(/^Opens evil\.invalid|^Opens good\.example\.evil\.invalid/);
    expect(link.getAttribute('title')).toContain('https://');
    expect(screen.getByText(/\(opens (good\.example\.)?evil\.invalid\)/)).toBeTruthy();

    await userEvent.click(link);
    const dialog = screen.getByRole('alertdialog', { name: /^Open (good\.example\.)?evil\.invalid\?$/ });
    expect(within(dialog).getByText(/^https:\/\/(good\.example\.)?evil\.invalid\//)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onOpenLink).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await userEvent.click(link);
    await userEvent.click(screen.getByRole('button', { name: /^Open (good\.example\.)?evil\.invalid$/ }));
    expect(onOpenLink).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/(good\.example\.)?evil\.invalid\//));
  });

  it.each([
    ['plain text', '[the docs](https://wandb.ai/site/inference)'],
    ['its own URL', '[https://wandb.ai/site](https://wandb.ai/site)'],
    ['its own host without www', '[example.com](https://www.example.com/a)'],
    ['a subdomain of the host it names', '[wandb.ai](https://docs.wandb.ai/guides)'],
    ['an autolink', '<https://wandb.ai/site>'],
    ['a version number', '[v1.2](https://wandb.ai/changelog)'],
  ])('%s opens at once', async (_name, text) => {
    const onOpenLink = renderAnswer(text);
    await userEvent.click(screen.getByRole('link'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onOpenLink).toHaveBeenCalledTimes(1);
  });

  it('never shows the page-supplied title alone', () => {
    renderAnswer('[docs](https://wandb.ai/site "Official documentation")');
    expect(screen.getByRole('link').getAttribute('title')).toBe('Official documentation\nhttps://wandb.ai/site');
  });

  it('a mailto keeps only to, cc, bcc, subject and body, in the link and in what opens', async () => {
    const onOpenLink = renderAnswer('[write](mailto:a@b.invalid?attach=/etc/passwd&subject=Hello&Attachment=x)');
    const link = screen.getByRole('link', { name: 'write' });
    expect(link.getAttribute('href')).toBe('mailto:a@b.invalid?subject=Hello');
    await userEvent.click(link);
    expect(onOpenLink).toHaveBeenCalledWith('mailto:a@b.invalid?subject=Hello');
  });

  it('a mailto whose text is another address asks first', async () => {
    const onOpenLink = renderAnswer('[support@good.example](mailto:thief@evil.invalid)');
    await userEvent.click(screen.getByRole('link'));
    expect(screen.getByRole('alertdialog', { name: 'Open thief@evil.invalid?' })).toBeTruthy();
    expect(onOpenLink).not.toHaveBeenCalled();
  });
});

describe('names that only look like hosts', () => {
  it.each(['[Node.js](https://nodejs.org/)', '[README.md](https://github.com/a/b)', '[package.json](https://docs.npmjs.com/cli/configuring-npm/package-json)'])('%s opens at once', async (text) => {
    const onOpenLink = renderAnswer(text);
    await userEvent.click(screen.getByRole('link'));
    expect(onOpenLink).toHaveBeenCalledTimes(1);
  });
});

describe('references to definitions', () => {
  it('a reference streamed after its definition links to it, as in the answer opened whole', async () => {
    await loadMarkdown();
    // A reference before its definition can only resolve once the answer is opened again: its block was finished before the definition came.
    const answer = '[docs]: https://example.com/docs\n\n[^1]: The note.\n\nSee [docs] here.\n\nAnd the [notes][docs], with a note.[^1]\n';
    const streamed = render(<Markdown text={answer.slice(0, 10)} streaming onOpenLink={vi.fn()} />);
    for (let end = 13; end < answer.length; end += 3) streamed.rerender(<Markdown text={answer.slice(0, end)} streaming onOpenLink={vi.fn()} />);
    streamed.rerender(<Markdown text={answer} streaming={false} onOpenLink={vi.fn()} />);
    expect(within(streamed.container).getByRole('link', { name: 'docs' }).getAttribute('href')).toBe('https://example.com/docs');
    expect(within(streamed.container).getByRole('link', { name: 'notes' }).getAttribute('href')).toBe('https://example.com/docs');
    const whole = render(<Markdown text={answer} streaming={false} onOpenLink={vi.fn()} />);
    expect(streamed.container.innerHTML).toBe(whole.container.innerHTML);
  });
});
