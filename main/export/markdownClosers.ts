/**
 * What a text leaves open that would swallow the rest of a Markdown file, and the lines that
 * close it. Texts go into an export raw, so an answer stopped mid-way (or one that simply writes
 * raw HTML) can end:
 * - inside a code fence, or inside one of the CommonMark HTML blocks that run until an end
 *   marker rather than a blank line (`<pre>`, `<script>`, `<style>`, `<textarea>`, `<!--`, `<?`,
 *   `<!X`, `<![CDATA[`): every later message would render as literal source;
 * - with an HTML comment or element open that a browser keeps open to the end of the page: a
 *   comment hides everything after it, the raw-text elements (`<script>`, `<style>`,
 *   `<textarea>`, `<title>`…) show or hide it as text, `<pre>` keeps it preformatted,
 *   `<details>` folds it away.
 *
 * Blocks follow CommonMark at the top level; raw HTML (inside HTML blocks) follows the browser.
 * Where the rules leave doubt this closes once more: an end tag with nothing to close is
 * ignored, an empty comment is invisible, and the reader drops what was added either way. A
 * fence is the one thing that must never be "closed" when it is not open (a fence line opens
 * one), so fences are only followed where CommonMark has them.
 */

type Block =
  | { kind: 'fence'; run: string }
  /** Ends at a line matching `end`; `closer` is such a line (null when the element count closes it). */
  | { kind: 'html'; end: RegExp; closer: string | null }
  /** HTML blocks 1–5 that end on the line they start: still raw HTML, for that line only. */
  | { kind: 'line' }
  /** HTML blocks 6 and 7: raw HTML until a blank line. */
  | { kind: 'loose' };

const FENCE = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
const BLANK = /^[ \t]*$/;

/** CommonMark HTML block starts 1–5, with their end conditions. */
const HTML_BLOCKS: readonly { start: RegExp; end: RegExp; closer: string | null }[] = [
  { start: /^ {0,3}<(?:pre|script|style|textarea)(?=[\s>]|$)/i, end: /<\/(?:pre|script|style|textarea)>/i, closer: null },
  { start: /^ {0,3}<!--/, end: /-->/, closer: null },
  { start: /^ {0,3}<\?/, end: /\?>/, closer: '?>' },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, closer: ']]>' },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, closer: '>' },
];
const BLOCK_TAG_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_BLOCK_6 = new RegExp(`^ {0,3}</?(?:${BLOCK_TAG_NAMES})(?=[\\s/>]|$)`, 'i');
/** A whole line that is one complete tag (block 7); it cannot interrupt a paragraph. */
const HTML_BLOCK_7 = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** Elements that swallow what follows while open, the raw-text ones first (their content holds no tags). */
const SWALLOWING = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'pre', 'template', 'select', 'object', 'details'] as const;
/** An element's start or end tag; an end tag must be complete (`</pre >`). */
const TAG = new RegExp(`<(/?)(${SWALLOWING.join('|')})(?:\\s*>|(?=[\\s/>]|$))`, 'gi');
const CODE_SPAN = /(`+)[^`]*?\1/g;
const COMPLETE_COMMENT = /<!--[\s\S]*?-->/g;

/** What the browser holds open: a comment, a tag not yet ended by `>`, and counts of elements. */
interface Open {
  comment: boolean;
  tag: boolean;
  elements: Map<string, number>;
}

function fenceCloses(line: string, run: string): boolean {
  const match = FENCE.exec(line);
  const closing = match?.[1] ?? '';
  return match !== null && closing[0] === run[0] && closing.length >= run.length && BLANK.test(match[2] ?? '');
}

/** The block a line starts at the top level, if it is one that matters here. */
function opens(line: string, afterParagraph: boolean): Block | null {
  const fence = FENCE.exec(line);
  if (fence) {
    const run = fence[1] ?? '';
    // A backtick fence's info string may not hold a backtick (that line is inline code instead).
    if (!(run.startsWith('`') && (fence[2] ?? '').includes('`'))) return { kind: 'fence', run };
  }
  for (const block of HTML_BLOCKS) {
    const match = block.start.exec(line);
    if (match) return block.end.test(line.slice(match[0].length)) ? { kind: 'line' } : { kind: 'html', end: block.end, closer: block.closer };
  }
  if (HTML_BLOCK_6.test(line) || (!afterParagraph && HTML_BLOCK_7.test(line))) return BLANK.test(line) ? null : { kind: 'loose' };
  return null;
}

/**
 * Follows a line's tags in order (an end tag with nothing open is ignored, as a browser does).
 * Start tags count wherever they may be tags, even in comments and code, since closing once more
 * costs nothing; end tags only where `real` (the line with what is surely text blanked) still
 * shows them.
 */
function countTags(line: string, real: string, open: Open): void {
  for (const match of line.matchAll(TAG)) {
    const tag = (match[2] ?? '').toLowerCase();
    const ending = match[1] === '/';
    if (ending && (!match[0].endsWith('>') || real.slice(match.index, match.index + match[0].length) !== match[0])) continue;
    open.elements.set(tag, Math.max(0, (open.elements.get(tag) ?? 0) + (ending ? -1 : 1)));
  }
}

const blank = (text: string): string => ' '.repeat(text.length);

/**
 * Raw HTML, as a browser reads it: a comment runs until `-->` and a tag (or `<!DOCTYPE`, `<?…`)
 * until `>`, across lines.
 */
function scanRaw(line: string, open: Open): void {
  let real = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (open.comment) {
      if (line.startsWith('-->', i)) {
        open.comment = false;
        real += '   ';
        i += 2;
      } else real += ' ';
    } else if (!open.tag && line.startsWith('<!--', i)) {
      open.comment = true;
      real += '    ';
      i += 3;
    } else if (open.tag) {
      open.tag = c !== '>';
      // Inside a tag or a bogus comment (`<![CDATA[`, `<!X`, `<?`) a `<` starts nothing: an end
      // tag there is text the browser folds into it, so it closes nothing.
      real += c === '<' ? ' ' : c;
    } else {
      open.tag = c === '<' && /[A-Za-z/!?]/.test(line.charAt(i + 1));
      real += c;
    }
  }
  countTags(line, real, open);
}

/**
 * A Markdown line: inline HTML there must be complete, and code spans are text. A comment left
 * unfinished may still be raw HTML (in a list item or a quote), so it is taken as open; nothing
 * there ends one.
 */
function scanMarkdown(line: string, open: Open): void {
  const real = line.replace(COMPLETE_COMMENT, blank).replace(CODE_SPAN, blank);
  if (real.includes('<!--')) open.comment = true;
  countTags(line, open.comment ? blank(line) : real, open);
}

/** The lines to write after `text` so that nothing it opened stays open; empty for most texts. */
export function closersFor(text: string): string[] {
  if (!/[`~<]/.test(text)) return [];
  let block: Block | null = null;
  let afterParagraph = false;
  const open: Open = { comment: false, tag: false, elements: new Map() };
  // CommonMark ends a line at CR as well as at LF.
  for (const line of text.split(/\r\n?|\n/)) {
    if (block?.kind === 'fence') {
      if (fenceCloses(line, block.run)) block = null;
      afterParagraph = false;
      continue;
    }
    if (block === null) {
      block = opens(line, afterParagraph);
      if (block?.kind === 'fence') continue;
    }
    if (block === null) {
      scanMarkdown(line, open);
      afterParagraph = !BLANK.test(line) && !/^ {0,3}#/.test(line);
      continue;
    }
    if (block.kind === 'loose' && BLANK.test(line)) {
      block = null;
      afterParagraph = false;
      continue;
    }
    scanRaw(line, open);
    if (block.kind === 'line' || (block.kind === 'html' && block.end.test(line))) block = null;
    afterParagraph = false;
  }
  const blockCloser = block?.kind === 'fence' ? block.run : block?.kind === 'html' ? block.closer : null;
  return [
    ...(blockCloser === null ? [] : [blockCloser]),
    // Ends a tag whatever quote it is in (before the comment: inside a tag, `<!--` is not one).
    ...(open.tag ? ['"\'>'] : []),
    // Ends a comment, and is an empty one where none was open.
    ...(open.comment ? ['<!-- -->'] : []),
    ...SWALLOWING.flatMap((tag) => Array.from({ length: open.elements.get(tag) ?? 0 }, () => `</${tag}>`)),
  ];
}

/** Whether the text would end a `<details>` it is placed in. */
export const closesDetails = (text: string): boolean => /<\/details\s*>/i.test(text);

/** A fence no line of `text` can close: longer than any run of backticks in it. */
export function wrappingFence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}
