import { useEffect, useRef } from 'react';
import { lazyModule } from '../markdown/lazyModule';
import { PENDING_PART_CLASS } from '../markdown/Markdown';
import { messageElementId } from './MessageItem';
import type { MessageTarget } from './MessageList';
import type * as MatchHighlight from './matchHighlight';

/** The marking itself: only a search result needs it, so it stays out of the start-up bundle. */
const matchHighlight = lazyModule('Search highlighting', () => import('./matchHighlight'));
type Marker = typeof MatchHighlight;

/** What was marked for a target: its first match, and whether the message was all rendered when looked at. */
interface Marked {
  target: MessageTarget;
  first: Range | null;
  whole: boolean;
}

/**
 * Marks a search result's words in the message it opened and brings the first match into view
 * (a long answer can hold it far below the message's top). Runs after every render, because the
 * message's row may only now exist, or may have been rendered anew (the list is virtualized), and
 * on changes to the page while the match is still missing: a long answer renders its middle when
 * idle, so the words can arrive after the row. The marks stay until another target or conversation.
 */
export function useMatchHighlight(target: MessageTarget | null): void {
  const marker = matchHighlight.use();
  const marked = useRef<Marked | null>(null);

  useEffect(() => {
    if (marker) markMatches(marker, target, marked);
  });

  useEffect(() => {
    if (!marker || !target?.words?.length) return;
    const observer = new MutationObserver(() => {
      if (isSettled(target, marked.current)) observer.disconnect();
      else markMatches(marker, target, marked);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      marker.clearMatchHighlight();
    };
  }, [marker, target]);
}

/** Nothing more to do for `target`: its first match is marked and in the page, or the whole message holds none. */
const isSettled = (target: MessageTarget, marked: Marked | null): boolean =>
  marked?.target === target && (marked.first ? marked.first.startContainer.isConnected : marked.whole);

/** Marks `target`'s words unless that is settled; scrolls to the first match the first time there is one. */
function markMatches({ highlightMatches }: Marker, target: MessageTarget | null, marked: { current: Marked | null }): void {
  if (!target?.words?.length || isSettled(target, marked.current)) return;
  const element = document.getElementById(messageElementId(target.messageId));
  if (!element) return;
  const [first = null] = highlightMatches(element, target.words);
  const foundNow = marked.current?.target !== target || !marked.current.first;
  // A long answer holds the place of parts not rendered yet: the words may be in one.
  marked.current = { target, first, whole: element.getElementsByClassName(PENDING_PART_CLASS).length === 0 };
  if (foundNow) first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
}
