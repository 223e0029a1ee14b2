import type { SnippetSegment } from './types';

/**
 * Markers FTS5 puts around matched words. U+FDD0/U+FDD1 are Unicode noncharacters, reserved
 * for a program's internal use and never meaningful in exchanged text, so the store strips
 * them from what it saves (`storable`) and they cannot collide with a user's text.
 */
export const MARK_OPEN = '\uFDD0';
export const MARK_CLOSE = '\uFDD1';
const MARKERS = /[\uFDD0\uFDD1]/gu;

export const storable = (text: string): string => text.replace(MARKERS, '');

/** `a<open>b<close>c` → [{a}, {b, match}, {c}]; empty pieces dropped. */
export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  for (const part of marked.split(/([\uFDD0\uFDD1])/u)) {
    if (part === MARK_OPEN) match = true;
    else if (part === MARK_CLOSE) match = false;
    else if (part) segments.push({ text: part, match });
  }
  return segments;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Marks `words` in `text` the way FTS5's snippet() would, around the first match, for
 * results found by LIKE (words too short for the trigram index).
 */
export function markWords(text: string, words: readonly string[], radius = 40): string {
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'giu');
  const first = pattern.exec(text)?.index ?? 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  const window = text.slice(start, end).replace(pattern, (found) => MARK_OPEN + found + MARK_CLOSE);
  return (start > 0 ? '…' : '') + window + (end < text.length ? '…' : '');
}
