/**
 * Where a finished answer can be cut into pieces that parse on their own exactly as they parse in
 * the whole: a cheap line scan, so the piece on screen can be parsed and shown before the rest.
 *
 * A cut goes before a line that starts at the left margin, is not a list item and follows a blank
 * line, outside any fenced code, `$$` math or multi-line HTML block: such a line can continue
 * nothing above it (a blank line ends paragraphs, quotes and tables; an unindented line ends list
 * items, indented code and footnotes). Link and footnote definitions reach across the whole text,
 * so a text that has any is not cut at all.
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,}|\${2,})(.*)$/;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
// HTML blocks that run to an end marker rather than to a blank line (CommonMark kinds 1–5).
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

interface Fence {
  marker: string;
}

/** The fence a line opens, if any: info after backticks may hold no backtick, after `$$` no `$`. */
function opensFence(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[1] ?? '';
  const info = match[2] ?? '';
  if ((marker[0] === '`' || marker[0] === '$') && info.includes(marker[0])) return null;
  return { marker };
}

const closesFence = (line: string, fence: Fence): boolean => {
  const trimmed = line.trim();
  return line.search(/\S/) <= 3 && trimmed.length >= fence.marker.length && [...trimmed].every((char) => char === fence.marker[0]);
};

/**
 * Offsets (ascending, without 0) where `text` may be cut into pieces of about `target` characters
 * or more. Empty when the text is short or must stay whole.
 */
export function findBlockCuts(text: string, target: number): number[] {
  if (text.length <= target || DEFINITION.test(text)) return [];
  const cuts: number[] = [];
  let fence: Fence | null = null;
  let htmlEnd: RegExp | null = null;
  let previousBlank = false;
  let lastCut = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const blank = line.trim() === '';
    if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else if (!blank) {
      if (previousBlank && start - lastCut >= target && /^\S/.test(line) && !LIST_ITEM.test(line)) {
        cuts.push(start);
        lastCut = start;
      }
      fence = opensFence(line);
      const html = HTML_BLOCKS.find(([opening]) => opening.test(line));
      if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = html[1];
    }
    previousBlank = blank && !fence && !htmlEnd;
    start = end + 1;
  }
  return cuts;
}
