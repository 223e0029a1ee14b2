import type { Root } from 'mdast';

/** A piece of an answer for the parser; `tree`: its parse (without stand-ins), when cutting it needed one. */
export interface Piece {
  start: number;
  text: string;
  tree?: Root;
}

/**
 * A line that may parse otherwise at a start than after the block before it: micromark lets neither
 * an ordered item other than `1.`, nor an empty item, HTML of the seventh kind, indented code or a
 * definition start while a block before is open (a paragraph or a definition's text, also indented
 * code or HTML on the line after it). Found by comparing, for every pair of lines of many kinds
 * after blocks of many kinds, the parse from the line on with the parse of the whole.
 */
const STARTS_OTHERWISE_AT_A_START = /^(?: {0,3}(?:\d{1,9}[.)]|[-*+][ \t]*$|<|\[)| {4}| {0,3}\t)/;

/**
 * Where the line of the tree's `index`th block starts, by its position's column: a top-level block
 * starts a line, after at most 3 spaces. (blockCuts' lineStartOf reads the text instead; used here,
 * it cut otherwise after tab-indented lines, and a fuzz run of windows found the parse differing.)
 */
function treeLineStart(tree: Root, index: number): number {
  const start = tree.children[index]?.position?.start;
  return start?.offset === undefined ? 0 : start.offset - (start.column - 1);
}

const firstLine = (text: string, at: number): string => /^[^\n\r]*/.exec(text.slice(at, at + 200))?.[0] ?? '';

/**
 * `text`, from `start` in the answer, cut into pieces of about `windowChars` by parsing a window at
 * a time: for text findBlockCuts finds no cut in (no blank line between its blocks). micromark spends
 * more a character on a longer text in some shapes (display math in quoted lists: 5.7 ms for 1,000
 * characters alone, 10 ms for each of 100,000 at once).
 *
 * Each window ends at a line's end. The window's blocks but its last are final: text after a window
 * changes only its last block (lazily continued, underlined as a heading, joined as a list item or
 * a table row). They are one piece, their tree already parsed, and the next window starts at the
 * last block's line, which parses there as it did after the blocks before. When one block fills a
 * window, the rest is one piece.
 */
export function windowPieces(start: number, text: string, parse: (piece: string) => Root, windowChars: number): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  while (text.length - from >= 2 * windowChars) {
    const lineEnd = text.indexOf('\n', from + windowChars);
    if (lineEnd === -1) break;
    const window = text.slice(from, lineEnd + 1);
    const tree = parse(window);
    // The next window starts at the last block's line, or a block before where a cut there would change how it parses.
    let rest = tree.children.length - 1;
    while (rest > 0 && STARTS_OTHERWISE_AT_A_START.test(firstLine(window, treeLineStart(tree, rest)))) rest--;
    const restAt = treeLineStart(tree, rest);
    if (rest <= 0 || restAt <= 0) break;
    tree.children = tree.children.slice(0, rest);
    pieces.push({ start: start + from, text: text.slice(from, from + restAt), tree });
    from += restAt;
  }
  pieces.push({ start: start + from, text: text.slice(from) });
  return pieces;
}
