import { MAX_NESTING } from './boundDepth';
import { createFenceTracker, LIST_ITEM } from './fencedLines';

/**
 * Markdown the parser would spend superlinear time on, made literal before it parses: micromark's
 * cost grows with the square (or worse) of the nesting on one line (2,000 `- ` took 20 s), with the
 * cube of lists nested by indentation (315 levels, one a line, 100k characters: 3 s) and with the
 * unmatched emphasis or bracket delimiters in one paragraph (40,000 `a* ` took 5 s). A real
 * answer never comes near these limits. Past them, a container marker gets a backslash (one per
 * line) and shows as text; an emphasis or bracket delimiter becomes its look-alike (`*` → `⁎`),
 * which costs the parser no more than a letter, where tens of thousands of escapes would cost
 * seconds. Inline HTML that never closes costs the square of its count too: the parser reads from
 * each `<!--` (or `<?`, `<![CDATA[`, `<!DOCTYPE`) to the end of the paragraph looking for its end
 * (20,000 in one paragraph: 6 s). One whose end is not in its paragraph is text anyway: it gets a
 * backslash.
 */

/**
 * Look-alikes for delimiters past the limit: the same length, so offsets stay the source's. Only
 * characters the text font has: Chromium lays out a long paragraph of characters it takes from a
 * fallback font in quadratic time (100,000 characters of `∗a∗ `, `＿a＿ ` or `∼a∼ `: 0.8 s on Linux;
 * `［］`: 6,000 took 2 s), of these in linear time (25 ms).
 */
const LOOK_ALIKE: Record<string, string> = { '*': '⁎', _: 'ˍ', '~': '˜', '[': '⁅', ']': '⁆' };

/** Emphasis (`*`, `_`, `~`) or bracket (`[`, `]`) delimiters one paragraph (or list item, or heading) may use as markup. */
export const MAX_DELIMITERS = 1_000;

// One container marker at the start of a line (a quote, a bullet or an ordered list item) and its space.
const CONTAINER = /([ \t]{0,3})(>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/y;

export interface LimitedMarkup {
  /** The text to parse: the source with markers past a limit made literal. */
  text: string;
  /** Where the backslashes went, as offsets in the source, ascending: to map positions back. */
  insertions: number[];
}

/** The offset in the source of an offset in the limited text. */
export function sourceOffset(offset: number, insertions: readonly number[]): number {
  let low = 0;
  let high = insertions.length;
  // Count insertions placed before `offset` in the limited text (the k-th sits at insertions[k] + k).
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((insertions[middle] ?? 0) + middle < offset) low = middle + 1;
    else high = middle;
  }
  return offset - low;
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Where in `line` a backslash makes its first container marker past MAX_NESTING literal, or null;
 * the markers start at `from` (after a list item's indentation), inside `depth` open list items.
 */
function excessContainer(line: string, from: number, depth: number): number | null {
  let consumed = from;
  for (; ; depth++) {
    CONTAINER.lastIndex = consumed;
    const match = CONTAINER.exec(line);
    if (!match) return null;
    const indent = match[1] ?? '';
    const marker = match[2] ?? '';
    // `\>`, `\-`, and `1\.` for an ordered item: its `.` or `)` is what makes it one.
    if (depth >= MAX_NESTING) return consumed + indent.length + (/^\d/.test(marker) ? marker.length - 1 : 0);
    consumed += match[0].length;
  }
}

/**
 * Where the math (`$…$`) or code span (`` `…` ``) opened at `open` in `line` ends: the last character
 * of its closing run, as long as the opening one. What is inside is TeX or code, not markup: it is
 * neither counted nor changed. Without a closing run in the line, the end of the opening run, and
 * the run's kind goes in `unclosed` (none can close later in the line: the scan stays linear).
 */
function spanEnd(line: string, open: number, unclosed: Set<string>): number {
  const char = line[open] ?? '';
  let after = open;
  while (line[after] === char) after++;
  const run = char.repeat(after - open);
  if (unclosed.has(run)) return after - 1;
  for (let at = after; at < line.length; ) {
    if (line[at] !== char) {
      at++;
      continue;
    }
    let end = at;
    while (line[end] === char) end++;
    if (end - at === run.length) return end - 1;
    at = end;
  }
  unclosed.add(run);
  return after - 1;
}

// Inline HTML the parser reads to its end, and that end (CommonMark's HTML comment, instruction, CDATA, declaration).
const INLINE_HTML: [RegExp, string][] = [
  [/<!--/y, '-->'],
  [/<\?/y, '?>'],
  [/<!\[CDATA\[/y, ']]>'],
  [/<![A-Za-z]/y, '>'],
];
// The first character of a line that is not indentation or a container marker: an HTML opening before it starts a block.
const AFTER_BLOCK_PREFIX = /[^ \t>*+\-\d.)]/;

/**
 * Finds, in one pass over a text, whether inline HTML opened at an offset ends in its paragraph:
 * openings are asked about in ascending order, so each search for an end starts past the last one.
 */
function inlineHtmlEnds(source: string) {
  const nextEnd = new Map<string, number>();
  let paragraphEnd = -1;
  return (at: number, line: string, column: number): boolean => {
    for (const [opening, end] of INLINE_HTML) {
      opening.lastIndex = column;
      if (!opening.test(line)) continue;
      // An opening after only indentation and markers starts an HTML block, which runs to its end line by line.
      if (column <= line.search(AFTER_BLOCK_PREFIX)) return true;
      if (paragraphEnd < at) {
        const blank = /\n[ \t]*(?:\n|$)/g;
        blank.lastIndex = at;
        paragraphEnd = blank.exec(source)?.index ?? source.length;
      }
      // `<!-->` is a whole comment: the end may start right after `<!`.
      const from = at + 2;
      let found = nextEnd.get(end);
      if (found === undefined || (found !== -1 && found < from)) nextEnd.set(end, (found = source.indexOf(end, from)));
      return found !== -1 && found < paragraphEnd;
    }
    return true;
  };
}

/** Whether the character at `index` follows an odd number of backslashes (`\\<` is a backslash, then `<`). */
function escaped(line: string, index: number): boolean {
  let before = index;
  while (line[before - 1] === '\\') before--;
  return (index - before) % 2 === 1;
}

/** Makes markers past the nesting and delimiter limits literal; returns the source itself when none are. */
export function limitMarkup(source: string): LimitedMarkup {
  const insertions: number[] = [];
  const lookAlikes: number[] = [];
  // Fenced code and math blocks: what is inside them is no markup.
  const fenced = createFenceTracker('`{3,}|~{3,}|\\${2,}');
  let delimiters = 0;
  // Content columns of the list items open at this line, innermost last. Only a list item's line
  // closes items (lazy and blank lines do not), so the depth is never underestimated.
  const openItems: number[] = [];
  const endsInParagraph = inlineHtmlEnds(source);
  let lineStart = 0;
  for (const line of source.split('\n')) {
    const kind = fenced(line);
    // Code is left as written. A list item's line that opens a fence still opens the item: it counts towards the nesting.
    const isText = kind === 'text' || (kind === 'opens' && LIST_ITEM.test(line));
    if (isText && line.trim() === '') {
      delimiters = 0;
    } else if (isText) {
      const item = LIST_ITEM.exec(line);
      // A list item or a heading starts text of its own: its delimiters pair only among themselves.
      if (item || HEADING.test(line)) delimiters = 0;
      const indent = item?.[1]?.length ?? 0;
      if (item) while ((openItems.at(-1) ?? -1) > indent) openItems.pop();
      const depth = item ? openItems.length : 0;
      if (item && depth < MAX_NESTING) openItems.push(item[0].length);
      const container = excessContainer(line, indent, depth);
      if (container !== null) insertions.push(lineStart + container);
      const unclosed = new Set<string>();
      for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if ((char === '$' || char === '`') && !escaped(line, index)) {
          index = spanEnd(line, index, unclosed);
          continue;
        }
        if (char === '<' && !escaped(line, index) && !endsInParagraph(lineStart + index, line, index)) insertions.push(lineStart + index);
        if (char !== '*' && char !== '_' && char !== '~' && char !== '[' && char !== ']') continue;
        if (escaped(line, index)) continue;
        if (++delimiters > MAX_DELIMITERS) lookAlikes.push(lineStart + index);
      }
    }
    lineStart += line.length + 1;
  }
  if (insertions.length === 0 && lookAlikes.length === 0) return { text: source, insertions };
  const edits = [...insertions.map((at) => ({ at, insert: true })), ...lookAlikes.map((at) => ({ at, insert: false }))].sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let from = 0;
  for (const { at, insert } of edits) {
    parts.push(source.slice(from, at), insert ? '\\' : (LOOK_ALIKE[source[at] ?? ''] ?? ''));
    from = insert ? at : at + 1;
  }
  parts.push(source.slice(from));
  return { text: parts.join(''), insertions };
}
