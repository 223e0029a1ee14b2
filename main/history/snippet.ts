import { findMatches, foldText } from '../../shared/searchText';
import type { SnippetSegment } from './types';

/**
 * U+FDD0/U+FDD1 are Unicode noncharacters, reserved for a program's internal use and never
 * meaningful in exchanged text. Parley's first search marked matches with them, so the store
 * strips them from what it saves; it still does, so text saved by any version is alike.
 */
const NONCHARACTERS = /[\uFDD0\uFDD1]/gu;

export const storable = (text: string): string => text.replace(NONCHARACTERS, '');

/** About two lines of the sidebar, with some words before the match. */
const SNIPPET_CHARS = 100;
const CONTEXT_CHARS = 30;

/** A cut never splits a surrogate pair. */
function atCodePoint(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code < 0xe000 ? at + 1 : at;
}

/** Where the snippet starts: a little before the match, at a word's start when one is near. */
function startBefore(text: string, match: number): number {
  if (match <= CONTEXT_CHARS) return 0;
  const from = atCodePoint(text, match - CONTEXT_CHARS);
  const space = text.slice(from, match).search(/\s/u);
  return space === -1 ? from : from + space + 1;
}

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ');

/**
 * A line of `text` around its matches for `words` (folded, see shared/searchText.ts), as plain
 * segments with the matches marked: at the place where the most different words are close
 * together, the first such place on ties. Starts at the text's start when there is no match.
 */
export function snippetOf(text: string, words: readonly string[]): SnippetSegment[] {
  const matches = findMatches(text, words, foldText(text));
  let anchor = 0;
  let bestKinds = 0;
  for (const [index, match] of matches.entries()) {
    const kinds = new Set<number>();
    for (let next = index; next < matches.length && (matches[next]?.end ?? 0) <= match.start + SNIPPET_CHARS - CONTEXT_CHARS; next++) kinds.add(matches[next]?.word ?? 0);
    if (kinds.size > bestKinds) [anchor, bestKinds] = [match.start, kinds.size];
  }
  const start = startBefore(text, anchor);
  const end = atCodePoint(text, Math.min(text.length, start + SNIPPET_CHARS));

  const segments: SnippetSegment[] = [];
  const plain = (from: number, to: number) => {
    if (to > from) segments.push({ text: oneLine(text.slice(from, to)), match: false });
  };
  let at = start;
  for (const match of matches) {
    if (match.start < start || match.end > end) continue;
    plain(at, match.start);
    segments.push({ text: text.slice(match.start, match.end), match: true });
    at = match.end;
  }
  plain(at, end);
  if (start > 0) segments.unshift({ text: '…', match: false });
  if (end < text.length) segments.push({ text: '…', match: false });
  return segments;
}
