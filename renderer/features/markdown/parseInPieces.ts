import type { List, Nodes, Root, RootContent } from 'mdast';
import { findBlockCuts } from './blockCuts';

type Point = NonNullable<Nodes['position']>['start'];

/**
 * About how much text the parser is handed at a time. micromark's cost grows faster than the text
 * in some shapes that are only long, not deep: 8,000 one-line quotes apart took 50 s, 16,000 items
 * of one ordered list 14 s. Parsed in pieces of this size, every shape costs in proportion to its length.
 */
export const PARSE_PIECE_CHARS = 1_000;

/** Moves a point of a piece's tree to where the piece starts in the text (a piece starts a line: columns stay). */
function shift(point: Point | undefined, offset: number, lines: number): void {
  if (!point) return;
  point.line += lines;
  if (point.offset !== undefined) point.offset += offset;
}

function shiftPositions(tree: Root, offset: number, lines: number): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    shift(node.position?.start, offset, lines);
    shift(node.position?.end, offset, lines);
    if ('children' in node) pending.push(...node.children);
  }
}

/** The character that makes an item part of its list: the bullet, or the `.` or `)` after the number. */
function itemMarker(list: List, which: 'first' | 'last', text: string): string | undefined {
  const item = which === 'first' ? list.children[0] : list.children.at(-1);
  const start = item?.position?.start.offset;
  if (start === undefined) return undefined;
  return list.ordered ? /^\d*(.)/.exec(text.slice(start, start + 10))?.[1] : text[start];
}

/** Whether `next`, which a cut between list items began, is the rest of `previous`: items with the same marker join one list. */
function continuesList(previous: RootContent, next: RootContent, text: string): previous is List {
  return previous.type === 'list' && next.type === 'list' && previous.ordered === next.ordered && itemMarker(previous, 'last', text) === itemMarker(next, 'first', text);
}

/** Joins `next` to the list it continues; a blank line between the two items makes the whole list loose, as in one parse. */
function joinList(list: List, next: List, text: string): void {
  const gapStart = list.children.at(-1)?.position?.end.offset ?? 0;
  const gapEnd = next.children[0]?.position?.start.offset ?? 0;
  list.spread = Boolean(list.spread || next.spread || /\n[ \t]*\n/.test(text.slice(gapStart, gapEnd)));
  list.children.push(...next.children);
  if (list.position && next.position) list.position.end = next.position.end;
}

/**
 * `text` parsed by `parse` in pieces of about PARSE_PIECE_CHARS cut at safe block boundaries
 * (findBlockCuts), with the same tree as one parse gives: offsets and lines are the text's, and a
 * list cut between its items is one list again.
 */
export function parseInPieces(text: string, parse: (piece: string) => Root): Root {
  const cuts = findBlockCuts(text, PARSE_PIECE_CHARS, { betweenListItems: true });
  if (cuts.length === 0) return parse(text);
  const bounds = [0, ...cuts, text.length];
  const children: RootContent[] = [];
  let lines = 0;
  for (let index = 0; index < cuts.length + 1; index++) {
    const start = bounds[index] ?? 0;
    const piece = text.slice(start, bounds[index + 1]);
    const tree = parse(piece);
    shiftPositions(tree, start, lines);
    const [first, ...rest] = tree.children;
    const last = children.at(-1);
    if (first && last && continuesList(last, first, text)) joinList(last, first as List, text);
    else if (first) children.push(first);
    children.push(...rest);
    for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', at + 1)) lines++;
  }
  const end = { line: lines + 1, column: text.length - text.lastIndexOf('\n'), offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
