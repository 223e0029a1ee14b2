import { useMemo, type KeyboardEvent, type WheelEvent } from 'react';

/**
 * Keys that scroll a box up, as Chromium scrolls a focused box: pressing one is a person leaving
 * the end. Shift+Space is a page up.
 */
function isUpKey(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  if (event.key === ' ') return event.shiftKey;
  return event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'Home';
}

/** Typing in a field inside the box (editing a question) moves a caret, never the box. */
function isEditable(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement);
}

/**
 * Whether a box inside `box`, between it and `target`, takes an upward scroll first (a long
 * reasoning text, a tool call's output): the box itself then does not move.
 */
function innerBoxScrollsUp(target: EventTarget, box: HTMLElement): boolean {
  for (let element = target instanceof Element ? target : null; element && element !== box; element = element.parentElement) {
    if (element.scrollTop <= 0 || element.scrollHeight <= element.clientHeight) continue;
    const overflow = getComputedStyle(element).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
}

/**
 * A wheel turned up, or an up key, over a scroll box calls `onLeaveUp` at once, before the
 * scroll it causes is reported, as long as the box itself can move up. A streaming answer renders
 * up to once a frame and each render keeps the box at its end: waiting for the scroll event would
 * let a render take the first turn of the wheel back.
 */
export function usePersonScrollingUp(ref: { readonly current: HTMLElement | null }, onLeaveUp: () => void) {
  return useMemo(() => {
    const leaveUpIfBoxMoves = (target: EventTarget) => {
      const box = ref.current;
      if (box && box.scrollTop > 0 && !innerBoxScrollsUp(target, box)) onLeaveUp();
    };
    return {
      onWheel: (event: WheelEvent) => {
        if (event.deltaY < 0 && !event.ctrlKey) leaveUpIfBoxMoves(event.target);
      },
      onKeyDown: (event: KeyboardEvent) => {
        if (isUpKey(event) && !isEditable(event.target)) leaveUpIfBoxMoves(event.target);
      },
    };
  }, [ref, onLeaveUp]);
}
