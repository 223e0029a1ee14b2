/**
 * GFM literal autolinks (issue 15, Proof): before it looks at the text, micromark's extension walks
 * back over the paragraph to an unclosed `[`, at every word start, which made 100,000 characters
 * with an early `![` take 8 s in Chromium (found by the fuzz test). The pipeline tries a literal
 * autolink only where one can start, and still finds every one.
 */
import type { Nodes } from 'mdast';
import { gfm } from 'micromark-extension-gfm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMarkdown } from '../../../../renderer/features/markdown/parseMarkdown';

afterEach(() => vi.restoreAllMocks());

/** The email autolink construct micromark tries at a letter (the same object in every gfm()). */
function emailConstruct() {
  const constructs = gfm().text?.[97];
  const email = (Array.isArray(constructs) ? constructs : [constructs]).find((construct) => construct?.name === 'emailAutolink');
  if (!email) throw new Error('No email autolink construct');
  return email;
}

function urls(tree: Nodes): string[] {
  const found: string[] = [];
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'link') found.push(node.url);
    if ('children' in node) pending.push(...node.children);
  }
  return found.sort();
}

describe('literal autolinks', () => {
  it('are not tried at word starts where no link can start', () => {
    const tries = vi.spyOn(emailConstruct(), 'tokenize');
    parseMarkdown(`![ ${'word;'.repeat(5_000)}`);
    expect(tries).not.toHaveBeenCalled();
    parseMarkdown('![ write to a.b+c@example.org');
    expect(tries).toHaveBeenCalledTimes(1);
  });

  it('are not looked for at all in a text without `www.`, `://` or `@`', () => {
    const looks = vi.spyOn(emailConstruct(), 'previous');
    parseMarkdown(`A long answer ${'with words, '.repeat(5_000)}and no link.`);
    expect(looks).not.toHaveBeenCalled();
    parseMarkdown('A short one, with a@b.org');
    expect(looks).toHaveBeenCalled();
  });

  it('are all still found', () => {
    const tree = parseMarkdown('See www.example.com, mail a.b+c@d.org, HTTPS://x.org/p and [a](https://b.org/) http://y.z ![x www.q.com');
    expect(urls(tree)).toEqual(['HTTPS://x.org/p', 'http://www.example.com', 'http://www.q.com', 'http://y.z', 'https://b.org/', 'mailto:a.b+c@d.org']);
  });
});
