import type { Paragraph, RootContent } from 'mdast';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../../renderer/features/markdown/blockSplitter';
import { MATH_PER_BLOCK } from '../../../../renderer/features/markdown/mathLimit';
import { LONG_PARAGRAPH_CHARS, MANY_INLINE_NODES, PARAGRAPH_PART_CLASS } from '../../../../renderer/features/markdown/paragraphParts';
import { parseMarkdown } from '../../../../renderer/features/markdown/parseMarkdown';
import { renderTree } from '../../../../renderer/features/markdown/renderTree';
import { LONG_TEXT_BOX_CLASS } from '../../../../renderer/lib/longText';

/** A block's node drawn as HTML, as the answer draws it. */
const blockHtml = (node: RootContent | undefined): string => renderToStaticMarkup(renderTree({ type: 'root', children: node ? [node] : [] }).content);

const paragraphOf = (node: RootContent | undefined): Paragraph => {
  if (node?.type !== 'paragraph') throw new Error(`Expected a paragraph, got ${node?.type}`);
  return node;
};

/** Code spans, emphasis and links on lines of about 80 characters, `lines` of them, in one paragraph; `lineEnd` between them. */
const codeLines = (lines: number, lineEnd = '\n') => Array.from({ length: lines }, (_, n) => `Line ${n} has \`code ${n}\` and *some* words, then [a link](https://example.com/${n}).`).join(lineEnd);

describe('a long paragraph in parts', () => {
  it('cuts a paragraph of thousands of inline nodes after its line breaks, into parts that draw exactly the paragraph', () => {
    const text = `Before.\n\n${codeLines(400, '  \n')}\n\nAfter.`;
    const blocks = parseBlocks(text, 0);
    const parts = blocks.slice(1, -1);
    expect(parts.length).toBeGreaterThan(10);
    expect(blocks.map((block) => block.source).join('')).toBe(text);
    // Drawn one after the other, the parts are the paragraph as one parse draws it (which lays content this long out in boxes).
    const whole = blockHtml(parseMarkdown(text).children[1]).replaceAll(`<span class="${LONG_TEXT_BOX_CLASS}">`, '').replaceAll('</span>', '');
    expect(whole).not.toContain('<span');
    expect(whole).toMatch(/^<p>.*<\/p>$/s);
    expect(`<p>${parts.map((part) => blockHtml(part.tree.children[0]).replace(/^<p( class="[^"]*")?>|<\/p>$/g, '')).join('')}</p>`).toBe(whole);
    for (const [index, part] of parts.entries()) {
      expect(part.start).toBe(text.indexOf(part.source));
      expect(part.source.length).toBeLessThan(2_200);
      // Each ends with a hard line break (the last one, the paragraph with its blank line), so the cut is invisible.
      expect(part.source).toMatch(index === parts.length - 1 ? /\)\.\n\n$/ : /\)\. {2}\n$/);
      // Only later parts continue the paragraph: no gap above them, never parsed alone.
      expect(paragraphOf(part.tree.children[0]).data?.hProperties?.className).toEqual(index === 0 ? undefined : [PARAGRAPH_PART_CLASS]);
      expect(part.continued).toBe(index === 0 ? undefined : true);
    }
  });

  it('cuts a paragraph of one line between its nodes, every part holding at least two', () => {
    const text = '`a` '.repeat(25_000);
    const parts = parseBlocks(text, 0);
    expect(parts.length).toBeGreaterThan(40);
    expect(parts.map((part) => part.source).join('')).toBe(text);
    for (const part of parts) expect(paragraphOf(part.tree.children[0]).children.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves whole a shorter paragraph of fewer nodes', () => {
    const fewer = codeLines(100);
    expect(fewer.length).toBeLessThan(LONG_PARAGRAPH_CHARS);
    expect(paragraphOf(parseMarkdown(fewer).children[0]).children.length).toBeLessThan(MANY_INLINE_NODES);
    expect(parseBlocks(fewer, 0)).toHaveLength(1);
  });

  it('cuts a paragraph of more formulas than a block typesets too, each part knowing the formulas before it', () => {
    const text = `Before.\n\n${Array.from({ length: 2 * MATH_PER_BLOCK }, (_, n) => `then $x_{${n}}$ and *some* words`).join(' ')}`;
    const [before, ...parts] = parseBlocks(text, 0);
    expect(before?.paragraph).toBeUndefined();
    expect(parts.length).toBeGreaterThan(5);
    const paragraphStart = text.indexOf('then');
    let formulasBefore = 0;
    for (const [index, part] of parts.entries()) {
      expect(part.paragraph).toEqual({ start: paragraphStart, part: index, formulasBefore });
      formulasBefore += part.source.match(/\$x_/g)?.length ?? 0;
    }
    expect(formulasBefore).toBe(2 * MATH_PER_BLOCK);
  });

  it('cuts a long paragraph of one text inside the text, after spaces where there are any, never inside a character', () => {
    const words = 'Latin and עברית by turns, '.repeat(600);
    const parts = parseBlocks(words, 0);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((part) => part.source).join('')).toBe(words);
    for (const part of parts.slice(0, -1)) expect(part.source).toMatch(/ $/);
    // No spaces: cut between characters, never between the halves of one (an emoji, a letter and its accent, a joined sequence).
    const joined = '😀e\u0301👩\u200d👩\u200d👧'.repeat(2_000);
    const pieces = parseBlocks(joined, 0).map((part) => part.source);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(joined);
    for (const piece of pieces) expect(piece).toMatch(/^(?:😀|e\u0301|👩\u200d👩\u200d👧)+$/u);
  });

  it('keeps each part of a long paragraph with the definitions its references need', () => {
    const text = `${Array.from({ length: 1_000 }, (_, n) => `Line ${n} has \`code\` and refers to [the docs][docs].`).join('\n')}\n\n[docs]: https://example.com/docs`;
    const parts = parseBlocks(text, 0).slice(0, -1);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.tree.children.at(-1)?.type).toBe('definition');
  });
});
