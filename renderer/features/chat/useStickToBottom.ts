import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

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
 * Whether the view follows the end after a scroll away from `last`. Only a move up, away from
 * the end, stops following: text growing below, or the browser clamping the position when content
 * shrinks or the window grows taller, never does. A clamp can be read late, after more text has
 * grown below (a formula typeset, a font loaded): the view then still reaches the end it showed
 * before, which a person scrolling up would have left.
 */
export function followsAfterScroll(following: boolean, last: LastSeen, { scrollTop, scrollHeight, clientHeight }: ScrollMetrics): boolean {
  const distance = scrollHeight - scrollTop - clientHeight;
  const movedUp = scrollTop < last.scrollTop - SLACK_PX && scrollTop + clientHeight < last.scrollHeight - SLACK_PX;
  if (movedUp && distance > SLACK_PX) return false;
  if (distance <= FOLLOW_PX) return true;
  return following;
}

/**
 * Keeps a scroll box at its end after every render while it follows, until the person
 * scrolls up; `follow()` jumps back to the end and resumes. Call `onScroll` from the box.
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, initiallyFollowing: boolean) {
  const [following, setFollowing] = useState(initiallyFollowing);
  // Read in scroll handlers and layout effects, which must not wait for a render.
  const followingRef = useRef(initiallyFollowing);
  const last = useRef<LastSeen>({ scrollTop: 0, scrollHeight: 0 });

  const set = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const stick = useCallback(() => {
    const element = ref.current;
    if (!element || !followingRef.current) return;
    element.scrollTop = element.scrollHeight;
    last.current = { scrollTop: element.scrollTop, scrollHeight: element.scrollHeight };
  }, [ref]);

  // After every render of the owner: new text keeps the end in view. Rows measured to a new size
  // between renders call `stick` themselves (MessageList).
  useLayoutEffect(stick);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const next = followsAfterScroll(followingRef.current, last.current, element);
    last.current = { scrollTop: element.scrollTop, scrollHeight: element.scrollHeight };
    if (next !== followingRef.current) set(next);
  }, [ref, set]);

  const follow = useCallback(() => {
    set(true);
    stick();
  }, [set, stick]);

  const unfollow = useCallback(() => set(false), [set]);
  /** The state as of now, for callbacks that run between renders. */
  const isFollowing = useCallback(() => followingRef.current, []);

  return { following, isFollowing, onScroll, follow, unfollow, stick };
}
