/**
 * Long answers parsed in pieces (issue 15, hostile model output): micromark's cost grows faster
 * than the text in shapes a model can write (8,000 one-line quotes apart: 50 s; 16,000 items of
 * one ordered list: 14 s). The pipeline hands the parser pieces of about PARSE_PIECE_CHARS, and
 * what renders is the same as from one parse of the whole.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { XSS_VECTORS } from '../../../fixtures/xssCorpus';
import { boundDepth } from '../../../../renderer/features/markdown/boundDepth';
import { limitMarkup } from '../../../../renderer/features/markdown/limitMarkup';
import { normalizeMathDelimiters } from '../../../../renderer/features/markdown/mathDelimiters';
import { parseAtOnce } from '../../../../renderer/features/markdown/parseMarkdown';
import { PARSE_PIECE_CHARS, parseInPieces } from '../../../../renderer/features/markdown/parseInPieces';
import { renderTree } from '../../../../renderer/features/markdown/renderTree';
import { MIXED_SAMPLE } from './sample';

/** What a person sees of a tree (the React elements it renders as), and where its blocks start (the answer's blocks are cut there). */
const shown = (tree: Root) => ({ elements: renderTree(tree), starts: tree.children.map((node) => node.position?.start.offset) });

/** `text` rendered from pieces and from one parse, after what the pipeline does first (the rewrite of `\[…\]`, the limits) and last (the depth bound). */
function bothWays(text: string) {
  const limited = limitMarkup(normalizeMathDelimiters(text)).text;
  const sizes: number[] = [];
  const pieces = shown(boundDepth(parseInPieces(limited, (piece) => (sizes.push(piece.length), parseAtOnce(piece))), limited));
  return { pieces, whole: shown(boundDepth(parseAtOnce(limited), limited)), calls: sizes.length };
}

// Lines of every block kind, list items and their continuations weighted up so lists run long.
const LINES = [
  '- item\n', '- item\n', '* star\n', '+ plus\n', '1. one\n', '1. one\n', '2. two\n', '3) paren\n', '10. ten\n', '-\n', '- - -\n', '   continued\n', '  - nested\n',
  '    indented\n', 'lazy line\n', 'para text and more\n', '\n', '\n', '\n', '# Head\n', 'Title\n', '---\n', '===\n', '> quote\n', '>\n', '> - quoted item\n',
  '```js\n', '```\n', '  ```\n', '~~~\n', 'code();\n', '$$\n', 'x^2\n', '\\[\n', '\\]\n', '\\[x\\]\n', '| a | b |\n', '| - | - |\n', '<div>\n', '</div>\n',
  '<!--\n', '-->\n', '<script>\n', '</script>\n', '- [ ] task\n', '- ```\n', '1. $$\n', 'www.example.com ', '*em* ', '**strong\n',
  // Definitions, anywhere (in a quote, in code where they are none), and references to them.
  '[a]: https://example.com/a\n', '[^n]: a note\n', '> [b]: /quoted\n', '    [c]: /in-code\n', 'see [a], [B], [c] and [^n]\n',
];

describe('a long answer parsed in pieces', () => {
  it('renders the same as one parse, for every vector of the security corpus amid long lists and prose', { timeout: 600_000 }, () => {
    const list = (marker: string) => `${marker} an item of a long list\n`.repeat(Math.ceil(PARSE_PIECE_CHARS / 20));
    for (const vector of XSS_VECTORS) {
      for (const text of [`${list('-')}${vector.text}\n${list('-')}`, `${list('1.')}\n${vector.text}\n\n${MIXED_SAMPLE.repeat(3)}`, `${vector.text}\n${list('*')}\n\n${vector.text}`]) {
        const { pieces, whole } = bothWays(text);
        expect(pieces, vector.name).toEqual(whole);
      }
    }
  });

  it('renders the same as one parse, for generated texts of every block kind', { timeout: 300_000 }, () => {
    let cut = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 200, maxLength: 600 }), (lines) => {
        const { pieces, whole, calls } = bothWays(lines.join(''));
        if (calls > 1) cut++;
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 120, seed: 15 },
    );
    // The generator does reach texts that are cut.
    expect(cut).toBeGreaterThan(10);
  });

  it('renders the same as one parse, for generated texts with no blank line to cut at (parsed a window at a time)', { timeout: 300_000 }, () => {
    let windowed = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES.filter((line) => line.trim() !== '')), { minLength: 300, maxLength: 900 }), (lines) => {
        const { pieces, whole, calls } = bothWays(lines.join(''));
        if (calls > 2) windowed++;
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 150, seed: 16 },
    );
    // The generator does reach texts parsed in several windows.
    expect(windowed).toBeGreaterThan(50);
  });

  it('parses display math in quoted lists, with no blank line to cut at, a window at a time and in time that grows with the text', () => {
    const text = '+ $$\n>  + $$\n>  + $$\n>    >\n$$'.repeat(3_000);
    const sizes: number[] = [];
    const tree = parseInPieces(text, (piece) => (sizes.push(piece.length), parseAtOnce(piece)));
    expect(Math.max(...sizes)).toBeLessThan(2 * PARSE_PIECE_CHARS + 40);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(1.05 * text.length);
    expect(shown(tree)).toEqual(shown(parseAtOnce(text)));
  });

  it('hands the parser each piece about once when the answer defines links and footnotes, and every reference finds its definition', () => {
    const unit = 'See [a] and [^1], defined at the end.\n\n';
    const text = `${unit.repeat(Math.ceil(100_000 / unit.length))}[a]: https://example.com\n\n[^1]: A note.\n`;
    const sizes: number[] = [];
    const tree = parseInPieces(text, (piece) => (sizes.push(piece.length), parseAtOnce(piece)));
    // Linear: every character once, and a few stand-in definitions per piece.
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(1.05 * text.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PARSE_PIECE_CHARS + unit.length + 40);
    const references = tree.children.flatMap((node) => (node.type === 'paragraph' ? node.children.map((child) => child.type) : []));
    expect(references.filter((type) => type === 'linkReference')).toHaveLength(Math.ceil(100_000 / unit.length));
    expect(references.filter((type) => type === 'footnoteReference')).toHaveLength(Math.ceil(100_000 / unit.length));
    const { pieces, whole } = bothWays(text);
    expect(pieces).toEqual(whole);
  });

  it.each([
    ['one-line quotes apart', '> a quoted line\n\n'],
    ['items of one ordered list', '1. an item\n'],
    ['items of one bullet list', '- an item\n'],
    ['items of a loose list', '* an item\n\n'],
    ['paragraphs', 'A paragraph.\n\n'],
  ])('hands the parser no more than a piece at a time, however many %s there are', (_name, unit) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length));
    const sizes: number[] = [];
    const tree = parseInPieces(text, (piece) => (sizes.push(piece.length), parseAtOnce(piece)));
    // Linear: every character is parsed once, in pieces of a bounded size.
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(text.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PARSE_PIECE_CHARS + unit.length);
    // And still one list, one block per quote or paragraph.
    const items = tree.children.map((node) => (node.type === 'list' ? node.children.length : 1));
    expect(items.reduce((sum, count) => sum + count, 0)).toBe(Math.ceil(100_000 / unit.length));
    if (unit.includes('an item')) expect(tree.children).toHaveLength(1);
  });
});
