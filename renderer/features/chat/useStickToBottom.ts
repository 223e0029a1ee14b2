import { useCallback, useRef, useState, type RefObject } from 'react';
import { usePersonScrollingUp } from './personScrolling';

export interface ScrollMetrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** How close to the end still counts as "at the end": scrolling back this far resumes following. */
export const FOLLOW_PX = 48;
/** Rounding slack: a zoomed window reports fractional scroll positions. */
const SLACK_PX = 2;

/** Where the view was when last seen: its position and the content's height then. */
export interface LastSeen {
  scrollTop: number;
  scrollHeight: number;
}

/**
 * Whether the view follows the end after a scroll away from `last`. A move up, away from the end,
 * over content of the same height stops following: only a scroll moved the view (the scrollbar
 * dragged, a touch, a screen reader bringing a line into view; a wheel or key turned up has
 * stopped it already). Content that changed height explains a move up without anyone scrolling:
 * the browser clamps the position when content shrinks, and its scroll event can be read after
 * more text grew below (code highlighted smaller, then a formula typeset taller). Text growing
 * below, or the window growing taller, never stops it either.
 */
export function followsAfterScroll(following: boolean, last: LastSeen, { scrollTop, scrollHeight, clientHeight }: ScrollMetrics): boolean {
  const distance = scrollHeight - scrollTop - clientHeight;
  const movedUp = scrollTop < last.scrollTop - SLACK_PX;
  const sameContent = Math.abs(scrollHeight - last.scrollHeight) <= SLACK_PX;
  if (movedUp && sameContent && distance > SLACK_PX) return false;
  if (distance <= FOLLOW_PX) return true;
  return following;
}

/**
 * Keeps a scroll box at its end while it follows, until the person scrolls up; `follow()` jumps
 * back to the end and resumes. The owner calls `stick` after every render, once the content's
 * height is set, and whenever it changes between renders. Call `onScroll` from the box, and give
 * it `personHandlers` (a wheel or key turned up stops following before its scroll is reported).
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, initiallyFollowing: boolean) {
  const [following, setFollowing] = useState(initiallyFollowing);
  // Read in scroll handlers and layout effects, which must not wait for a render.
  const followingRef = useRef(initiallyFollowing);
  const last = useRef<LastSeen>({ scrollTop: 0, scrollHeight: 0 });
  // Where `stick` last put the view: the scroll that reports it is the box's own, not a person's.
  const pinnedTop = useRef<number | null>(null);

  const set = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const stick = useCallback(() => {
    const element = ref.current;
    if (!element || !followingRef.current) return;
    element.scrollTop = element.scrollHeight;
    last.current = { scrollTop: element.scrollTop, scrollHeight: element.scrollHeight };
    pinnedTop.current = element.scrollTop;
  }, [ref]);

  /**
   * Whether a scroll, to `scrollTop`, is the one `stick` made: to where it last put the view, with no
   * scroll elsewhere since (after one, a scroll back there is a person's).
   */
  const wasPinnedAt = useCallback((scrollTop: number) => {
    const pinned = pinnedTop.current !== null && Math.abs(scrollTop - pinnedTop.current) <= SLACK_PX;
    if (!pinned) pinnedTop.current = null;
    return pinned;
  }, []);

  const unfollow = useCallback(() => set(false), [set]);
  const personHandlers = usePersonScrollingUp(ref, unfollow);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const wasFollowing = followingRef.current;
    const next = followsAfterScroll(wasFollowing, last.current, element);
    last.current = { scrollTop: element.scrollTop, scrollHeight: element.scrollHeight };
    if (next !== wasFollowing) set(next);
    // Still following, yet off the end (content changed before the scroll was read): back to it.
    else if (next && element.scrollHeight - element.scrollTop - element.clientHeight > SLACK_PX) stick();
  }, [ref, set, stick]);

  const follow = useCallback(() => {
    set(true);
    stick();
  }, [set, stick]);

  /** The state as of now, for callbacks that run between renders. */
  const isFollowing = useCallback(() => followingRef.current, []);

  return { following, isFollowing, onScroll, personHandlers, follow, unfollow, stick, wasPinnedAt };
}
