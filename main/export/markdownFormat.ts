/**
 * The Markdown export's structure, shared by the writer and the reader.
 *
 * Texts are written raw, so answers render as the Markdown they are, between HTML comment
 * markers that GitHub and Obsidian hide. A closing marker is chosen that no line of the text
 * equals (`<!-- /parley:content -->`, else `… #2 -->`, …), so any text reads back exactly.
 * Everything else a person sees (headings, notes, the usage line) is derived and ignored on
 * import; the facts live in the front matter and in one JSON comment per message.
 */
import type { MessageMeta } from './schema';

export const FORMAT_VERSION = 1;
export type RegionName = 'content' | 'reasoning';
export type MetaKind = 'message' | 'version';

export const END_MARKER = '<!-- /parley:conversation -->';
export const META_LINE = /^<!-- parley:(message|version) (\{.*\}) -->$/s;
export const REGION_OPEN = /^<!-- parley:(content|reasoning)( #\d+)?( \+fence)? -->$/;
/** Any line the reader must understand; other lines are decoration. */
export const MARKER_PREFIX = /^<!-- \/?parley:/;
const ADDED_FENCE = /^(?:`{3,}|~{3,})$/;

/**
 * `<` and `>` as JSON escapes, so no string can end the comment or open another; NEL, LS and PS
 * too, which some editors take for line breaks.
 */
export function metaLine(kind: MetaKind, meta: MessageMeta & { versions?: number }): string {
  const json = JSON.stringify(meta).replace(/[<>\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<!-- parley:${kind} ${json} -->`;
}

export const regionClose = (name: RegionName, tag: string): string => `<!-- /parley:${name}${tag} -->`;

function freeTag(name: RegionName, text: string): string {
  const prefix = `<!-- /parley:${name}`;
  if (!text.includes(prefix)) return '';
  // A CR before the newline would vanish when a CRLF file is read, so compare without it.
  const lines = new Set(text.split('\n').map((line) => line.replace(/\r$/, '')));
  if (!lines.has(regionClose(name, ''))) return '';
  for (let n = 2; ; n++) if (!lines.has(regionClose(name, ` #${n}`))) return ` #${n}`;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The fence a text leaves open (a stopped answer often ends inside a code block), or null. */
function unclosedFence(text: string): string | null {
  if (!text.includes('```') && !text.includes('~~~')) return null;
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const match = FENCE_LINE.exec(line);
    if (!match) continue;
    const run = match[1] ?? '';
    const rest = match[2] ?? '';
    if (open === null) {
      if (!(run.startsWith('`') && rest.includes('`'))) open = run;
    } else if (run[0] === open[0] && run.length >= open.length && /^[ \t]*$/.test(rest)) {
      open = null;
    }
  }
  return open;
}

/**
 * A text between its markers. When the text leaves a code fence open, a closing fence is added
 * (and flagged with `+fence`, so the reader drops it): otherwise the rest of the file would
 * render as code.
 */
export function writeRegion(name: RegionName, text: string): string {
  const tag = freeTag(name, text);
  const fence = unclosedFence(text);
  const open = `<!-- parley:${name}${tag}${fence === null ? '' : ' +fence'} -->`;
  return `${open}\n${text}\n${fence === null ? '' : `${fence}\n`}${regionClose(name, tag)}`;
}

/** The text of a region from the lines between its markers, undoing what writeRegion added. */
export function regionText(lines: string[], addedFence: boolean): string | null {
  if (!addedFence) return lines.join('\n');
  const last = lines.at(-1);
  if (lines.length < 2 || last === undefined || !ADDED_FENCE.test(last)) return null;
  return lines.slice(0, -1).join('\n');
}
