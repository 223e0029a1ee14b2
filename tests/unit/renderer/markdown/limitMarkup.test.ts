/**
 * Lists nested by indentation, one level a line (issue 15, Proof): micromark's time grows with the
 * cube of that nesting (315 levels in 100,000 characters took seconds in Chromium, found by the fuzz
 * benchmark), so the parser must never see them deeper than MAX_NESTING.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../../renderer/features/markdown/boundDepth';
import { MAX_DELIMITERS, limitMarkup } from '../../../../renderer/features/markdown/limitMarkup';

const indentedList = (levels: number, marker = '-'): string => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}${marker} level ${level}`).join('\n');

/** How many lists the parser nests inside one another in `text`. */
function listDepth(text: string): number {
  let deepest = 0;
  const walk: [Nodes, number][] = [[fromMarkdown(text), 0]];
  for (let next = walk.pop(); next; next = walk.pop()) {
    const [node, depth] = next;
    const level = node.type === 'list' ? depth + 1 : depth;
    deepest = Math.max(deepest, level);
    if ('children' in node) for (const child of node.children) walk.push([child, level]);
  }
  return deepest;
}

describe('limitMarkup with lists nested by indentation', () => {
  it('hands the parser at most MAX_NESTING levels, the deeper items as text', () => {
    const limited = limitMarkup(indentedList(300)).text;
    expect(listDepth(limited)).toBe(MAX_NESTING);
    expect(limited).toContain(`\\- level ${MAX_NESTING}`);
    expect(limited).toContain('\\- level 299');
  });

  it('counts ordered items, and items after a lazy or blank line, as nesting too', () => {
    const ordered = Array.from({ length: 40 }, (_, level) => `${'   '.repeat(level)}1. level ${level}`).join('\n');
    expect(listDepth(limitMarkup(ordered).text)).toBe(MAX_NESTING);
    const interrupted = indentedList(40)
      .split('\n')
      .map((line, level) => (level % 2 ? `${line}\nlazy text\n` : line))
      .join('\n');
    expect(listDepth(limitMarkup(interrupted).text)).toBeLessThanOrEqual(MAX_NESTING);
  });

  it('leaves lists within the limit, and lists that close again, as they are', () => {
    const within = indentedList(MAX_NESTING);
    expect(limitMarkup(within).text).toBe(within);
    const repeated = Array.from({ length: 20 }, () => indentedList(MAX_NESTING)).join('\n\n');
    expect(limitMarkup(repeated).text).toBe(repeated);
  });
});

describe('limitMarkup with brackets past the delimiter limit', () => {
  it('shows them as look-alikes Chromium can lay out in a long run (not fullwidth forms)', () => {
    const limited = limitMarkup(`${'['.repeat(3_000)}x${']'.repeat(13_000)}`).text;
    expect(limited).toHaveLength(16_001);
    expect(limited.slice(MAX_DELIMITERS, 3_000)).toMatch(/^[^[\]\uFF01-\uFF60]+$/);
    expect(limited.slice(-10_000)).toMatch(/^[^[\]\uFF01-\uFF60]+$/);
  });
});

describe('limitMarkup in a long answer without blank lines', () => {
  it('counts delimiters per list item and heading: a list of 1,000 bold names keeps its bold', () => {
    const list = Array.from({ length: 1_000 }, (_, n) => `${n % 50 === 0 ? `## Group ${n / 50} *of* names\n` : ''}- **Name ${n}**: [a link](https://example.com/${n})`).join('\n');
    expect(limitMarkup(list)).toEqual({ text: list, insertions: [] });
  });
});

describe('limitMarkup in a paragraph past the delimiter limit', () => {
  it('leaves math and code spans as written: their `*`, `_`, `~` and brackets are TeX or code, not markup', () => {
    const source = `${'*a* '.repeat(MAX_DELIMITERS)}then $x_{1}^{*} \\sim [a, b]$, $$y_2$$ and \`a_b*[c]\`, past the limit *b*`;
    const limited = limitMarkup(source).text;
    expect(limited).toContain('$x_{1}^{*} \\sim [a, b]$, $$y_2$$ and `a_b*[c]`');
    // Markup around them is still bounded.
    expect(limited.endsWith('past the limit ⁎b⁎')).toBe(true);
  });

  it('counts a delimiter after an escaped backslash (`\\\\*` is a backslash, then a `*`)', () => {
    const source = `${'\\\\*a '.repeat(MAX_DELIMITERS)}past the limit *b*`;
    expect(limitMarkup(source).text.endsWith('past the limit ⁎b⁎')).toBe(true);
    // An escaped delimiter is text, not markup: not counted.
    expect(limitMarkup(`${'\\*a '.repeat(2 * MAX_DELIMITERS)}*b*`).text.endsWith('*b*')).toBe(true);
  });
});

describe('limitMarkup with inline HTML that never closes', () => {
  // The parser reads from each opening to the end of its paragraph looking for the end: 20,000 took seconds.
  const htmlNodes = (text: string): number => {
    let count = 0;
    const walk: Nodes[] = [fromMarkdown(text)];
    for (let node = walk.pop(); node; node = walk.pop()) {
      if (node.type === 'html') count++;
      if ('children' in node) walk.push(...node.children);
    }
    return count;
  };

  /** The text a tree shows, in order. */
  const shownText = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? node.children.map(shownText).join('') : '');

  it('makes an opening whose end is not in its paragraph text, where it shows as written', () => {
    for (const text of ['a <!-- b\n\nc --> d', 'a <? b', 'a <![CDATA[ b\n\n]]>', 'a <!DOCTYPE b', 'a \\\\<!-- b']) {
      const { text: limited, insertions } = limitMarkup(text);
      expect(insertions, text).toHaveLength(1);
      expect(limited[(insertions[0] ?? 0)], text).toBe('\\');
      expect(htmlNodes(limited), text).toBe(htmlNodes(text));
      expect(shownText(fromMarkdown(limited)), text).toBe(shownText(fromMarkdown(text)));
    }
  });

  it('leaves fenced code in a list item as written, however far in its item puts it, until the item ends', () => {
    // Item 10 puts its code four spaces in; a nested item's code goes further; a fence may follow the marker.
    for (const text of ['10. Run it:\n    ```sh\n    grep x <!-- y\n    ```', '- a\n  - b\n\n    ```html\n    x <!-- y\n    ```', '- a\n  - ```html\n    x <!-- y\n    ```']) {
      expect(limitMarkup(text), text).toEqual({ text, insertions: [] });
    }
    // Past the item's end, an opening that never closes is text again.
    const after = '10. Run it:\n    ```\n    code\nafter <!-- y';
    expect(limitMarkup(after).insertions).toEqual([after.indexOf('<!--')]);
    // After a tab, a fence may be indented code: what follows is still limited.
    const tabbed = '\t```\nafter <!-- y';
    expect(limitMarkup(tabbed).insertions).toEqual([tabbed.indexOf('<!--')]);
  });

  it('leaves inline HTML that closes in its paragraph, escaped openings and HTML blocks as they are', () => {
    for (const text of ['a <!-- b\nc --> d', 'a <!--> b', 'a <?x?> b', 'a \\<!-- b', '<!-- a block\n\nthat ends later -->', '> <!-- quoted block']) {
      expect(limitMarkup(text), text).toEqual({ text, insertions: [] });
    }
  });
});
