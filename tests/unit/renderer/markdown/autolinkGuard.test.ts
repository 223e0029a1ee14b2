/**
 * GFM literal autolinks (issue 15, Proof): before it looks at the text, micromark's extension walks
 * back over the paragraph to an unclosed `[`, at every word start, which made 100,000 characters
 * with an early `![` take 8 s in Chromium (found by the fuzz test), and from every link start after
 * it (8,000 email addresses: 1 s). The pipeline tries a literal autolink only where one can start,
 * walks back to an unclosed `[` once, and still finds every link GFM finds. GFM also searches the
 * finished tree's text for links (a walk over every text node: a quarter of the parse of thousands
 * of short lines); the pipeline skips that search only where no link can be spelt, not even
 * through a character reference or an escape.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import fc from 'fast-check';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardAutolinks, unclosedLabelCheck } from '../../../../renderer/features/markdown/autolinkGuard';
import { parseAtOnce, parseMarkdown } from '../../../../renderer/features/markdown/parseMarkdown';

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
    parseMarkdown('![a] write to a.b+c@example.org');
    expect(tries).toHaveBeenCalledTimes(1);
    // Inside a label still open, no literal autolink is made: not tried either.
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

  it('are found where GFM finds them around unclosed and closed labels', () => {
    const texts = ['[x a@b.invalid y', '[a](https://u.org/) a@b.org [x c@d.org] e@f.org', '[x ![y a@b.org] www.z.org z@w.org', `[open ${'x@y.org '.repeat(200)}`, '[[a] b@c.org'];
    for (const text of texts) expect(urls(parseMarkdown(text)), text).toEqual(urls(fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })));
  });

  it('are found where the text spells them through a character reference or an escape', () => {
    const texts = ['mail a&#64;b.org', 'mail a&commat;b.org', 'see www&#46;example.com', 'see https&#58;//example.com', 'see https:\\/\\/example.com/x', 'a\\@b.org'];
    for (const text of texts) {
      const found = urls(parseMarkdown(text));
      expect(found, text).toHaveLength(1);
      expect(found, text).toEqual(urls(fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })));
    }
  });

  it('give the same tree as the whole GFM pipeline, whether or not the tree is searched', () => {
    const fragments = ['a', 'word', ' ', '\n', '  \n', '\n\n', '@', '&#64;', '&amp;', '&', 'www', '.', ':', '/', '\\', 'http', 's', 'org', '[', ']', '(', ')', '`', '*', '~', '# ', '- ', '1. ', '> ', '|', '$'];
    const text = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (markdown) => {
        const whole = fromMarkdown(markdown, { extensions: [guardAutolinks(gfm(), markdown), math()], mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()] });
        expect(parseAtOnce(markdown)).toEqual(whole);
      }),
      { numRuns: 2_000, seed: 16 },
    );
  });

  it('walk back to an unclosed `[` once, not again from every later link start', () => {
    const events: [string, { type: string; _balanced?: boolean }][] = [['enter', { type: 'labelLink' }]];
    let reads = 0;
    const watched = new Proxy(events, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const inUnclosedLabel = unclosedLabelCheck();
    for (let start = 0; start < 2_000; start++) {
      for (let word = 0; word < 10; word++) events.push(['enter', { type: 'data' }]);
      expect(inUnclosedLabel(watched as never)).toBe(true);
    }
    // The extension's own walk read every event back to the `[` each time: about 20 million reads.
    expect(reads).toBeLessThan(50_000);
    // Closed later (`]` with no link after it): no longer open.
    (events[0] as [string, { _balanced?: boolean }])[1]._balanced = true;
    expect(inUnclosedLabel(watched as never)).toBe(false);
  });
});
