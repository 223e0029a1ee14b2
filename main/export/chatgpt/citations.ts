/**
 * ChatGPT's citation marks as Markdown links to their sources. Answers that searched the web
 * hold marks in Unicode's private-use area, `U+E200 cite U+E202 turn0search0 U+E202 turn0news12
 * U+E201` (also `navlist`, `filecite`, `entity`, `image_group`…), which every other app shows as
 * boxes; `metadata.content_references` maps each mark (`matched_text`) to what it stands for:
 * pages (`items`: title, url, attribution, with `supporting_websites`), or ChatGPT's own plain
 * rendering (`alt`). Older answers (2023–24 browsing) hold `【13†source】` marks, with the pages
 * in `metadata.citations` (`start_ix`/`end_ix` into the text, `metadata: { title, url }`).
 * A mark with nothing to stand for is removed and counted.
 */
import { z } from 'zod';
import type { Notes } from './notes';
import { field, meta, type SourceMessage } from './source';

const page = z.looseObject({ url: z.string().min(1), title: z.string().nullish(), attribution: z.string().nullish() });
type Page = z.infer<typeof page>;
const pages = z.array(z.unknown()).transform((items) => items.flatMap((item) => (page.safeParse(item).success ? [page.parse(item)] : [])));

const reference = z.looseObject({
  matched_text: z.string(),
  type: z.string().nullish(),
  alt: z.string().nullish(),
  name: z.string().nullish(),
  items: z.array(z.unknown()).nullish(),
});
const citation = z.looseObject({
  start_ix: z.number().int(),
  end_ix: z.number().int(),
  metadata: z.looseObject({ url: z.string().nullish(), title: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

/** `[label](url)`, with what would break the link escaped. */
function link({ url, title, attribution }: Page): string {
  const label = (attribution || title || new URL(url, 'https://x').hostname).replace(/[[\]\\]/g, '\\$&');
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `[${label}](${target})`;
}

/** A group of pages as ChatGPT writes its inline pill when copied: `([A](…), [B](…))`. */
const linked = (found: readonly Page[]): string => `(${found.map(link).join(', ')})`;

/** The pages a reference names, its supporting websites included, each once. */
function pagesOf(ref: z.infer<typeof reference>): Page[] {
  const direct = pages.parse(ref.items ?? []);
  const supporting = (ref.items ?? []).flatMap((item) => pages.parse(field(item, 'supporting_websites', z.array(z.unknown())) ?? []));
  const seen = new Set<string>();
  return [...direct, ...supporting].filter(({ url }) => {
    if (seen.has(url)) return false;
    seen.add(url);
    return true;
  });
}

/** What a content reference's mark becomes: links, ChatGPT's own text for it, or nothing. */
function replacementFor(ref: z.infer<typeof reference>): string | null {
  const found = pagesOf(ref);
  if (found.length > 0) return linked(found);
  if (ref.type === 'file' && ref.name) return `(file: ${ref.name})`;
  if (ref.alt) return ref.alt;
  return ref.type === 'hidden' || ref.type === 'sources_footnote' ? '' : null;
}

const MARK = /\ue200[^\ue200\ue201]*\ue201/g;
const OLD_MARK = /【\d+(?::\d+)?†[^】]*】/g;
const WHOLE_OLD_MARK = /^【\d+(?::\d+)?†[^】]*】$/;
const isMark = (text: string): boolean => /^\ue200[^\ue200\ue201]*\ue201$/.test(text) || WHOLE_OLD_MARK.test(text);

/** The text from `start` to `end` counted in code points, as ChatGPT's servers count. */
const codePointSlice = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');

function oldStyle(text: string, m: SourceMessage): Map<string, string> {
  const found = new Map<string, string>();
  for (const item of meta(m, 'citations', z.array(z.unknown())) ?? []) {
    const parsed = citation.safeParse(item);
    if (!parsed.success) continue;
    const { start_ix: start, end_ix: end, metadata } = parsed.data;
    const mark = [codePointSlice(text, start, end), text.slice(start, end)].find((slice) => WHOLE_OLD_MARK.test(slice));
    if (!mark || found.has(mark)) continue;
    if (metadata?.url) found.set(mark, linked([{ url: metadata.url, title: metadata.title ?? null, attribution: null }]));
    else if (metadata?.name) found.set(mark, `(file: ${metadata.name})`);
  }
  return found;
}

/** The answer text with every citation mark turned into links (or removed, and counted). */
export function resolveCitations(text: string, m: SourceMessage, notes: Notes): string {
  if (!text.includes('\ue200') && !text.includes('【')) return text;
  const marks = new Map<string, string>();
  for (const item of meta(m, 'content_references', z.array(z.unknown())) ?? []) {
    const parsed = reference.safeParse(item);
    // Only marks are replaced: some references match plain text (a footnote's position, a suggested prompt).
    if (!parsed.success || !isMark(parsed.data.matched_text) || marks.has(parsed.data.matched_text)) continue;
    const replacement = replacementFor(parsed.data);
    if (replacement !== null) marks.set(parsed.data.matched_text, replacement);
  }
  for (const [mark, replacement] of oldStyle(text, m)) if (!marks.has(mark)) marks.set(mark, replacement);
  let resolved = text;
  for (const [mark, replacement] of marks) resolved = resolved.split(mark).join(replacement);
  const unresolved = (): string => {
    notes.add('citation');
    return '';
  };
  return resolved.replace(MARK, unresolved).replace(OLD_MARK, unresolved);
}
