/**
 * Text with no blank line to cut at, parsed a window at a time (issue 15: display math in quoted
 * lists took 1 s for 100,000 characters at once). A window's blocks but its last are a piece, and
 * the next window starts at the last block's line: each piece must parse alone as it does in the whole.
 */
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseAtOnce } from '../../../../renderer/features/markdown/parseMarkdown';
import { renderTree } from '../../../../renderer/features/markdown/renderTree';
import { windowPieces } from '../../../../renderer/features/markdown/windowPieces';

/** What a person sees of blocks, and where they start in the answer. */
const shown = (children: RootContent[], offset: number) => ({
  elements: renderTree({ type: 'root', children } as Root),
  starts: children.map((node) => (node.position?.start.offset ?? 0) + offset),
});

/** Every piece of `text` cut with windows of `windowChars`, as the window saw it and parsed alone, beside the same stretch of one parse. */
function piecesAndWhole(text: string, windowChars: number) {
  const whole = parseAtOnce(text).children;
  return windowPieces(0, text, parseAtOnce, windowChars).map((piece) => {
    const end = piece.start + piece.text.length;
    const inWhole = whole.filter((node) => (node.position?.start.offset ?? 0) >= piece.start && (node.position?.start.offset ?? 0) < end);
    return { windowed: piece.tree && shown(piece.tree.children, piece.start), alone: shown(parseAtOnce(piece.text).children, piece.start), whole: shown(inWhole, 0) };
  });
}

describe('text parsed a window at a time', () => {
  it.each([
    ['display math in quoted lists', '+ $$\n>  + $$\n>  + $$\n>    >\n$$'],
    ['indented text under a definition', '# Head\n[a]: https://example.com\n    indented\n'],
    ['an item numbered 3 under a definition', '# Head\n[a]: https://example.com\n3) paren\n'],
    ['a table whose head starts a list elsewhere', '# Head\ntext\n3) paren\n| - |\n'],
    ['an item numbered 10 after indented code', '# Head\n    code\n10. ten\n'],
    ['an empty item after indented code', '# Head\n    code\n-\n'],
  ])('cuts %s only where each piece parses alone as in the whole, whatever the window', (_name, unit) => {
    const text = unit.repeat(12);
    let cut = 0;
    for (let windowChars = 4; windowChars <= 80; windowChars++) {
      const pieces = piecesAndWhole(text, windowChars);
      if (pieces.length > 1) cut++;
      for (const { windowed, alone, whole } of pieces) {
        expect(alone, `window of ${windowChars}`).toEqual(whole);
        if (windowed) expect(windowed, `window of ${windowChars}`).toEqual(whole);
      }
    }
    expect(cut).toBeGreaterThan(30);
  });

  it('keeps text that is one block whole, and gives back every character once', () => {
    const paragraph = 'a line of one long paragraph\n'.repeat(200);
    expect(windowPieces(0, paragraph, parseAtOnce, 100)).toEqual([{ start: 0, text: paragraph }]);
    const quotes = '> a quote\n# then a heading\n'.repeat(200);
    const pieces = windowPieces(500, quotes, parseAtOnce, 100);
    expect(pieces.map((piece) => piece.text).join('')).toBe(quotes);
    expect(pieces.map((piece) => piece.start)).toEqual(pieces.map((_, index) => 500 + pieces.slice(0, index).reduce((sum, piece) => sum + piece.text.length, 0)));
    expect(Math.max(...pieces.map((piece) => piece.text.length))).toBeLessThan(2 * 100 + 20);
  });
});
