/**
 * File names that are safe on Windows, macOS and Linux, readable (`2026-11-26 Title.md`) and
 * unique in their folder even on case-insensitive file systems.
 */
import { wallClock } from './localTime';

export const MAX_STEM_BYTES = 120;

const REPLACEMENTS: Record<string, string> = { ':': ' -', '/': '-', '\\': '-', '|': '-', '"': "'", '<': '', '>': '', '?': '', '*': '' };
/** Controls, zero-width space and marks, and bidi overrides that could make `txt.exe` display as `exe.txt` (joiners stay: emoji and scripts need them). */
const INVISIBLE = /[\p{Cc}\u2028\u2029\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();

/** The longest start of `text` within `maxBytes` of UTF-8 that ends between whole characters (emoji sequences included). */
export function cutToBytes(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += encoder.encode(segment).length;
    if (bytes > maxBytes) break;
    out += segment;
  }
  return out;
}

const trimEnds = (text: string): string => text.replace(/^[\s.]+|[\s.]+$/gu, '');

/** A title as a safe name part: NFC, no illegal or invisible characters, no reserved device name, never empty. */
export function safeTitle(title: string): string {
  const cleaned = trimEnds(
    title
      .normalize('NFC')
      .replace(INVISIBLE, ' ')
      .replace(/[:/\\|"<>?*]/g, (c) => REPLACEMENTS[c] ?? '')
      .replace(/\s+/gu, ' '),
  );
  if (cleaned === '') return 'Untitled';
  // Windows reserves CON, NUL… even with an extension or trailing spaces (`nul .txt`).
  return cleaned.replace(/^[^.]*/, (base) => (RESERVED.test(base.trimEnd()) ? `${base.trimEnd()}_` : base));
}

/** `2026-11-26 Title`, the date in the given zone (the system's by default); FileNameAllocator cuts it to length. */
export function conversationFileStem(title: string, createdAt: number, timeZone?: string): string {
  const date = wallClock(timeZone).date(createdAt);
  return `${date} ${safeTitle(title)}`;
}

/** How a file system that ignores case and Unicode normalisation sees a name. */
const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * Hands out names not yet taken in a folder, comparing as case-insensitive file systems do:
 * `Title.md`, then `Title (2).md`, `Title (3).md`… The stem is cut to fit the suffix.
 */
export class FileNameAllocator {
  private readonly taken: Set<string>;

  constructor(existing: Iterable<string> = []) {
    this.taken = new Set([...existing].map(nameKey));
  }

  /** Marks a name as used (a file that appeared while exporting). */
  take(name: string): void {
    this.taken.add(nameKey(name));
  }

  allocate(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const cut = trimEnds(cutToBytes(stem.normalize('NFC'), MAX_STEM_BYTES - encoder.encode(suffix).length));
      const name = `${cut === '' ? 'Untitled' : cut}${suffix}${extension}`;
      if (!this.taken.has(nameKey(name))) {
        this.taken.add(nameKey(name));
        return name;
      }
    }
  }
}
