/**
 * Where a finished answer can be cut into pieces that parse on their own exactly as they parse in
 * the whole: a cheap line scan, so the piece on screen can be parsed and shown before the rest.
 *
 * A cut goes before a line that starts at the left margin, is not a list item and follows a blank
 * line, outside any fenced code, `$$` math or multi-line HTML block: such a line can continue
 * nothing above it (a blank line ends paragraphs, quotes and tables; an unindented line ends list
 * items, indented code and footnotes). Link and footnote definitions reach across the whole text,
 * so a text that may have any is not cut for pieces rendered apart.
 *
 * For the parser alone, a cut may also go between two items of a list at the left margin (the two
 * lists it parses into are joined again), and through a text with definitions (each piece is handed
 * the ones it refers to): see parseInPieces.
 */
import { mayDefine } from './definitionLabels';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,}|\${2,})(.*)$/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
// An item with text after its marker (an empty one can be a setext underline); group 1 or 2: its kind.
const ITEM_WITH_TEXT = /^(?:([-*+])|\d{1,9}([.)]))[ \t]+\S/;
// HTML blocks that run to an end marker rather than to a blank line (CommonMark kinds 1–5).
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
// A tag that may open an HTML block running to a blank line (kinds 6 and 7; 7 only where no paragraph is open).
const HTML_TAG = /^ {0,3}<\/?[a-z]/i;

export interface Fence {
  marker: string;
}

/** The fence a line opens, if any: info after backticks may hold no backtick, after `$$` no `$`. */
export function opensFence(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[1] ?? '';
  const info = match[2] ?? '';
  if ((marker[0] === '`' || marker[0] === '$') && info.includes(marker[0])) return null;
  return { marker };
}

export const closesFence = (line: string, fence: Fence): boolean => {
  const trimmed = line.trim();
  return line.search(/\S/) <= 3 && trimmed.length >= fence.marker.length && [...trimmed].every((char) => char === fence.marker[0]);
};

/** Whether a block's text ends with a blank line: nothing after it continues the block lazily. */
export const endsWithBlankLine = (text: string): boolean => /\n[ \t]*\n\s*$/.test(text);

/**
 * Where the line of a block starting at `offset` in `text` starts: a block's indentation is its own,
 * and parsing it again from its marker would change what its later lines hold (`  1. a` then `   - b`
 * is two lists, `1. a` then `   - b` one).
 */
export function lineStartOf(text: string, offset: number): number {
  const line = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(line, offset)) ? line : offset;
}

export interface CutOptions {
  /** Also cut between two items of one list at the left margin (each side then parses as a list of its own). */
  betweenListItems?: boolean;
  /** Also cut a text with link or footnote definitions (a piece then needs those it refers to). */
  acrossDefinitions?: boolean;
}

/** An open fence or multi-line HTML block: how it ends, and whether it may sit in a list item (then it ends with the item). */
interface OpenBlock {
  ends: (line: string) => boolean;
  inItem: boolean;
}

/** An HTML block that a blank line ends. */
const TO_BLANK_LINE: OpenBlock = { ends: (line) => line.trim() === '', inItem: false };

/** What the scan knows before a line. */
interface ScanState {
  open: OpenBlock | null;
  previousBlank: boolean;
  /**
   * The kind of item (`-`, `*`, `+`, `.`, `)`) the last non-blank line surely was, at the left margin: one
   * after a blank line, or after such an item of its kind (a sibling), never one that could continue a paragraph.
   */
  itemKind: string | null;
}

// What every fence and HTML block starts with, after at most 3 spaces: most lines (prose) start otherwise and need no other test.
const MAY_OPEN = /^ {0,3}[`~$<]/;
const OPENS_NOTHING = [null];

/**
 * The blocks a line may open (null: none). Every reading the scan cannot tell apart is returned: an
 * indented fence may be inside a list item above or not; a tag may open an HTML block or not.
 */
function opensBlock(line: string): (OpenBlock | null)[] {
  if (!MAY_OPEN.test(line)) return OPENS_NOTHING;
  const fence = opensFence(line);
  const html = HTML_BLOCKS.find(([opening]) => opening.test(line));
  let ends: ((next: string) => boolean) | null = null;
  if (fence) ends = (next) => closesFence(next, fence);
  else if (html) ends = html[1].test(line.slice(line.indexOf('<') + 2)) ? null : (next) => html[1].test(next);
  else if (HTML_TAG.test(line)) return [null, TO_BLANK_LINE];
  if (!ends) return OPENS_NOTHING;
  return /^\S/.test(line) ? [{ ends, inItem: false }] : [{ ends, inItem: false }, { ends, inItem: true }];
}

/** The states after `line` from `state`, and whether a cut may go before the line. */
function scanLine(state: ScanState, line: string, atStart: boolean, betweenListItems: boolean): { cut: boolean; next: ScanState[] } {
  const atMargin = /^\S/.test(line);
  // A list item ends at the first non-blank line at the margin, and what it holds with it; a blank line ends some HTML.
  const open = (state.open?.inItem && atMargin) || (state.open === TO_BLANK_LINE && line.trim() === '') ? null : state.open;
  if (open) return { cut: false, next: [{ open: open.ends(line) ? null : open, previousBlank: false, itemKind: null }] };
  if (line.trim() === '') return { cut: false, next: [{ ...state, open: null, previousBlank: true }] };
  const item = ITEM_WITH_TEXT.exec(line);
  const kind = item ? (item[1] ?? item[2] ?? null) : null;
  const sibling = betweenListItems && kind !== null && kind === state.itemKind;
  const cut = sibling || (state.previousBlank && atMargin && !LIST_ITEM.test(line));
  const itemKind = kind !== null && (state.previousBlank || atStart || kind === state.itemKind) ? kind : null;
  return { cut, next: opensBlock(line).map((open) => ({ open, previousBlank: false, itemKind })) };
}

/**
 * Offsets (ascending, without 0) where `text` may be cut into pieces of about `target` characters
 * or more. Empty when the text is short or must stay whole. Where a line can be read two ways (an
 * indented fence in a list item or after the list), both are followed, and a cut needs both to allow it.
 */
export function findBlockCuts(text: string, target: number, { betweenListItems = false, acrossDefinitions = false }: CutOptions = {}): number[] {
  if (text.length <= target || (!acrossDefinitions && mayDefine(text))) return [];
  const cuts: number[] = [];
  let states: ScanState[] = [{ open: null, previousBlank: false, itemKind: null }];
  let lastCut = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const scanned = states.map((state) => scanLine(state, line, start === 0, betweenListItems));
    if (start - lastCut >= target && scanned.every(({ cut }) => cut)) {
      cuts.push(start);
      lastCut = start;
    }
    states = distinct(scanned.flatMap(({ next }) => next));
    start = end + 1;
  }
  return cuts;
}

/** The states without repeats: readings that agree again are followed as one. */
function distinct(states: ScanState[]): ScanState[] {
  return states.filter((state, index) => states.findIndex((other) => other.open === state.open && other.previousBlank === state.previousBlank && other.itemKind === state.itemKind) === index);
}
