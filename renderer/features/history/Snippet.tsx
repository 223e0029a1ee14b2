import { Fragment } from 'react';
import type { SearchHit } from '../../../shared/ipc';

/** A search snippet as React text: stored content never becomes HTML, matches are marked. */
export function Snippet({ segments }: { segments: SearchHit['snippet'] }) {
  return segments.map((segment, index) =>
    segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
  );
}
