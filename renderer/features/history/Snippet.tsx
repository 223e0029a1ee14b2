import { Fragment } from 'react';
import type { SearchHit } from '../../../shared/ipc';
import { findMatches } from '../../../shared/searchText';

type Segments = SearchHit['snippet'];

/** `text` in pieces, the occurrences of `words` (from searchWords) marked, as main marks a snippet. */
export function markedSegments(text: string, words: readonly string[]): Segments {
  const segments: Segments = [];
  let at = 0;
  for (const match of findMatches(text, words)) {
    if (match.start > at) segments.push({ text: text.slice(at, match.start), match: false });
    segments.push({ text: text.slice(match.start, match.end), match: true });
    at = match.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** A search snippet as React text: stored content never becomes HTML, matches are marked. */
export function Snippet({ segments }: { segments: Segments }) {
  return segments.map((segment, index) =>
    segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
  );
}
