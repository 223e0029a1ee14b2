// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { Root } from 'mdast';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../../renderer/features/markdown/blockSplitter';
import { mathModule } from '../../../../renderer/features/markdown/lazyMath';
import { renderListApart } from '../../../../renderer/features/markdown/MarkdownList';
import { MATH_PER_BLOCK } from '../../../../renderer/features/markdown/mathLimit';
import { parseMarkdown } from '../../../../renderer/features/markdown/parseMarkdown';
import { renderTree } from '../../../../renderer/features/markdown/renderTree';

beforeAll(() => mathModule.load());
afterEach(cleanup);

/** The elements a tree renders to, rendered whole or item by item. */
function drawn(tree: Root, formulaLimit: number, apart: boolean): { html: string; formulas: number } {
  const rendered = apart ? renderListApart(tree, formulaLimit) : renderTree(tree, formulaLimit);
  if (!rendered) throw new Error('Expected a list rendered item by item');
  const html = render(<div>{rendered.content}</div>).container.innerHTML;
  cleanup();
  // useId values count the components rendered before them: renumbered in order of appearance.
  const ids = new Map<string, string>();
  return { html: html.replace(/_r_[0-9a-z]+_/g, (id) => ids.get(id) ?? ids.set(id, `_id${ids.size}_`).get(id) ?? id), formulas: rendered.formulas };
}

const LONG_ITEM = `- ${'שלום hello '.repeat(1_200)}\n- after the long one\n`;

const LISTS: [string, string][] = [
  ['numbered from 3, tight', '3. three with `code`\n4. four with **bold** and [a link](https://example.com)\n5. five\n'],
  ['loose by a blank line between items', '- one\n\n- two\n- three\n'],
  ['loose by one item of two paragraphs', '1. one\n2. two\n\n   still two\n3. three\n'],
  ['tasks', '- [ ] open task\n- [x] done task\n- plain item\n'],
  ['nested lists, code and a quote in items', '1. one\n   - nested *a*\n   - nested b\n2. two\n   ```js\n   const x = 1;\n   ```\n3. three\n   > quoted\n'],
  ['a reference to a definition after the list', '- see [the docs][d]\n- and ![an image][d]\n\n[d]: https://example.com/docs\n'],
  ['formulas past the limit, within an item', Array.from({ length: 8 }, (_, n) => `- item ${n} $a_${n}$ and $b_${n}$ and $c_${n}$`).join('\n')],
  ['display math alone in an item', '- $$x^2$$\n- text\n'],
  ['an item of 10,000 characters and more, boxed', LONG_ITEM],
  ['an empty item and raw HTML', '1.\n2. <b>not bold</b>\n3. <!-- a comment -->\n'],
];

describe('a list rendered item by item', () => {
  it.each(LISTS)('draws the same elements as the list rendered whole: %s', (_, text) => {
    const blocks = parseBlocks(text, 0);
    const list = blocks.find((block) => block.type === 'list');
    expect(list).toBeDefined();
    for (const limit of [MATH_PER_BLOCK, 10, 0]) {
      const tree = list?.tree as Root;
      expect(drawn(tree, limit, true)).toEqual(drawn(tree, limit, false));
    }
  });

  it('draws a long list’s parts as the parts rendered whole: numbered on, with their class', () => {
    const text = Array.from({ length: 600 }, (_, n) => `${n + 1}. Item ${n + 1} with \`code\` and **bold** words`).join('\n');
    const parts = parseBlocks(text, 0);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of [parts[0], parts[1], parts.at(-1)]) expect(drawn(part?.tree as Root, MATH_PER_BLOCK, true)).toEqual(drawn(part?.tree as Root, MATH_PER_BLOCK, false));
    expect(drawn(parts[1]?.tree as Root, MATH_PER_BLOCK, true).html).toMatch(/^<div><ol start="\d+" class="md-list-part">/);
  });

  it('leaves whole a list whose items define a label or refer to a footnote, and a block that is no list', () => {
    expect(renderListApart(parseMarkdown('- see [x]\n- [x]: https://example.com\n'), MATH_PER_BLOCK)).toBeUndefined();
    expect(renderListApart(parseMarkdown('- a note[^1]\n- more\n\n[^1]: the note\n'), MATH_PER_BLOCK)).toBeUndefined();
    expect(renderListApart(parseMarkdown('Just a paragraph.\n'), MATH_PER_BLOCK)).toBeUndefined();
  });
});
