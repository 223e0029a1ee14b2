import type { List, Root, RootContent } from 'mdast';
import { findBlockCuts } from './blockCuts';
import type { DefinitionKey } from './definitionLabels';
import { claimedDefinitions, foundDefinitions, referencedKeys, standIns } from './definitionLabels';
import { newlines, shiftPositions } from './piecePositions';
import { windowPieces, type Piece } from './windowPieces';

/**
 * About how much text the parser is handed at a time. micromark's cost grows faster than the text
 * in some shapes that are only long, not deep: 8,000 one-line quotes apart took 50 s, 16,000 items
 * of one ordered list 14 s. Parsed in pieces of this size, every shape costs in proportion to its length.
 */
export const PARSE_PIECE_CHARS = 1_000;

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

/** A piece of the text, parsed after stand-ins for the definitions it refers to elsewhere. */
interface ParsedPiece {
  start: number;
  text: string;
  /** The definitions handed to it as stand-ins. */
  given: ReadonlyMap<DefinitionKey, string>;
  /** Its own blocks (the stand-ins' removed), offsets still the piece's own. */
  tree: Root;
}

/** `piece` parsed after stand-ins for `given`; a piece parsed already when cut needs no second parse without any. */
function parsePiece(piece: Piece, given: ReadonlyMap<DefinitionKey, string>, parse: (piece: string) => Root): ParsedPiece {
  const { start, text } = piece;
  const prefix = standIns(given);
  if (!prefix && piece.tree) return { start, text, given, tree: piece.tree };
  const tree = parse(prefix + text);
  if (prefix) {
    tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= prefix.length);
    shiftPositions(tree, -prefix.length, -newlines(prefix));
  }
  return { start, text, given, tree };
}

/** The definitions among `definitions` that `text` refers to, but for those in `own` (it has them itself). */
function referredTo(text: string, definitions: ReadonlyMap<DefinitionKey, string>, own: ReadonlyMap<DefinitionKey, string>): Map<DefinitionKey, string> {
  const referred = new Map<DefinitionKey, string>();
  for (const key of referencedKeys(text)) {
    const label = definitions.get(key);
    if (label !== undefined && !own.has(key)) referred.set(key, label);
  }
  return referred;
}

/**
 * The pieces parsed, each after stand-ins for the definitions it refers to, so `[x]` in one piece is
 * a link when another defines `[x]: …`, as in one parse. What is defined is first guessed by a scan,
 * then known from the pieces' trees; a piece handed a wrong guess (a `[x]:` in code, say) is parsed
 * again with what is really defined, which real answers never need.
 */
function parsePieces(
  text: string,
  pieces: readonly Piece[],
  parse: (piece: string) => Root,
  definedBefore: ReadonlyMap<DefinitionKey, string>,
): ParsedPiece[] {
  const claimed = new Map([...definedBefore, ...claimedDefinitions(text)]);
  if (claimed.size === 0) return pieces.map((piece) => parsePiece(piece, claimed, parse));
  const parsed = pieces.map((piece) => parsePiece(piece, referredTo(piece.text, claimed, claimedDefinitions(piece.text)), parse));
  const defined = new Map([...definedBefore, ...foundDefinitions(parsed.map((piece) => piece.tree))]);
  return parsed.map((piece, index) => {
    const needed = referredTo(piece.text, defined, foundDefinitions([piece.tree]));
    const right = [...needed.keys()].every((key) => piece.given.has(key)) && [...piece.given.keys()].every((key) => defined.has(key));
    return right ? piece : parsePiece(pieces[index] as Piece, needed, parse);
  });
}

/**
 * `text` parsed by `parse` in pieces of about PARSE_PIECE_CHARS cut at safe block boundaries
 * (findBlockCuts) or, where there are none, between the blocks of a window parsed (windowPieces),
 * with the same tree as one parse gives: offsets and lines are the text's, a list cut between its
 * items is one list again, and references find definitions in other pieces, or in `definedBefore`
 * (what the text before this one defines, when only the end of an answer is parsed again).
 */
export function parseInPieces(text: string, parse: (piece: string) => Root, definedBefore: ReadonlyMap<DefinitionKey, string> = new Map()): Root {
  const cuts = findBlockCuts(text, PARSE_PIECE_CHARS, { betweenListItems: true, acrossDefinitions: true });
  const bounds = [0, ...cuts, text.length];
  const pieces = parsePieces(
    text,
    cuts.concat(text.length).flatMap((end, index) => windowPieces(bounds[index] ?? 0, text.slice(bounds[index], end), parse, PARSE_PIECE_CHARS)),
    parse,
    definedBefore,
  );
  const children: RootContent[] = [];
  let lines = 0;
  for (const piece of pieces) {
    const { tree } = piece;
    shiftPositions(tree, piece.start, lines);
    const [first, ...rest] = tree.children;
    const last = children.at(-1);
    if (first && last && continuesList(last, first, text)) joinList(last, first as List, text);
    else if (first) children.push(first);
    children.push(...rest);
    lines += newlines(piece.text);
  }
  const end = { line: lines + 1, column: text.length - text.lastIndexOf('\n'), offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
