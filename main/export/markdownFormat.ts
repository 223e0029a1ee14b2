/**
 * The Markdown export's structure, shared by the writer and the reader.
 *
 * A person reads headings and texts; the machine needs little more. Each text is written raw
 * between two short comments that GitHub, Obsidian and other renderers hide:
 *
 *     <!-- parley:2 -->            (message 2's text; `2 thinking` for its reasoning, `2.1` for its first earlier version)
 *     …the text, exactly…
 *     <!-- /parley:2 -->
 *
 * Format 3 carries the whole tree. The shown path comes first, each message's other versions
 * folded under it; the branches that went on from a version follow under "Other branches", one
 * heading each, naming where it departs. A key names a message by the way to it: `2.1-3` is
 * message 3 of the branch after version `2.1`, `2.1-3.2` that message's second other version,
 * and so on. Format 2 (no branches, keys `2` and `2.1` only) reads as before.
 *
 * The closing comment is one no line of the text equals (else `… #2 -->`, …). When the text
 * leaves a fence or a raw HTML block open, the lines that close it follow the text and the
 * opening comment counts them (`<!-- parley:2 +1 -->`); a text that would end the `<details>`
 * it sits in is wrapped in a code fence instead (`<!-- parley:2 thinking fenced -->`). The
 * reader drops what was added, so every text reads back exactly.
 *
 * Everything else about the messages (ids, models, times, usage, errors…) sits in one comment
 * at the end of the file, one line per message keyed like the texts. Headings, notes and the
 * usage line are for people and ignored on import.
 */
import { closersFor, closesDetails, wrappingFence } from './markdownClosers';

export const FORMAT_VERSION = 3;
/** Formats this version reads: format 2 is format 3 without branches. */
export const READABLE_FORMATS: readonly string[] = ['2', String(FORMAT_VERSION)];

/** `2` for the second message, `2.1` for its first earlier version, `2.1-3` for message 3 of the branch after it. */
export type TextKey = string;
export type TextPart = 'content' | 'thinking';

export const DETAILS_START = '<!-- parley:details';
export const DETAILS_END = '-->';

/** `<!-- parley:2 thinking #2 +1 -->`: key, part, tag, lines added after the text, or a wrapping fence. */
export const OPEN_MARKER = /^<!-- parley:(\d+(?:\.\d+-\d+)*(?:\.\d+)?)( thinking)?( #\d+)?(?: \+(\d+)| (fenced))? -->$/;
/** Any line the reader must understand outside a text; other lines are decoration. */
export const MARKER_PREFIX = /^<!-- \/?parley:/;
export const DETAILS_LINE = /^(\d+(?:\.\d+-\d+)*(?:\.\d+)?) (\{.*\})$/s;

const partName = (part: TextPart): string => (part === 'thinking' ? ' thinking' : '');

export const closeMarker = (key: TextKey, part: TextPart, tag: string): string => `<!-- /parley:${key}${partName(part)}${tag} -->`;

/** The tag that makes the closing comment differ from every line of the text. */
function freeTag(key: TextKey, part: TextPart, text: string): string {
  if (!text.includes(`<!-- /parley:${key}`)) return '';
  // A CR before the newline would vanish when a CRLF file is read, so compare without it.
  const lines = new Set(text.split('\n').map((line) => line.replace(/\r$/, '')));
  if (!lines.has(closeMarker(key, part, ''))) return '';
  for (let n = 2; ; n++) if (!lines.has(closeMarker(key, part, ` #${n}`))) return ` #${n}`;
}

/** A text between its comments; `inDetails`: it sits inside a `<details>` element, which it must not end. */
export function writeText(key: TextKey, part: TextPart, text: string, inDetails: boolean): string {
  const tag = freeTag(key, part, text);
  const open = `<!-- parley:${key}${partName(part)}${tag}`;
  const close = closeMarker(key, part, tag);
  if (inDetails && closesDetails(text)) {
    const fence = wrappingFence(text);
    return `${open} fenced -->\n${fence}\n${text}\n${fence}\n${close}`;
  }
  const closers = closersFor(text);
  const added = closers.length > 0 ? ` +${closers.length}` : '';
  return [`${open}${added} -->`, text, ...closers, close].join('\n');
}

export interface OpenedText {
  key: TextKey;
  part: TextPart;
  tag: string;
  added: number;
  fenced: boolean;
}

export function readOpenMarker(line: string): OpenedText | null {
  const match = OPEN_MARKER.exec(line);
  if (!match) return null;
  return { key: match[1] ?? '', part: match[2] ? 'thinking' : 'content', tag: match[3] ?? '', added: Number(match[4] ?? 0), fenced: match[5] !== undefined };
}

/** The text from the lines between its comments, without what writeText added; null when that is not there. */
export function textBetween(lines: readonly string[], opened: OpenedText): string | null {
  if (opened.fenced) {
    const fence = /^`{3,}$/;
    if (lines.length < 2 || !fence.test(lines[0] ?? '') || lines.at(-1) !== lines[0]) return null;
    return lines.slice(1, -1).join('\n');
  }
  if (lines.length < opened.added + 1) return null;
  return lines.slice(0, lines.length - opened.added).join('\n');
}

/**
 * One line of the details comment. `<` and `>` become JSON escapes, so no string can end the
 * comment; NEL, LS and PS too, which some editors take for line breaks.
 */
export function detailsLine(key: TextKey, details: object): string {
  const json = JSON.stringify(details).replace(/[<>\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${key} ${json}`;
}
