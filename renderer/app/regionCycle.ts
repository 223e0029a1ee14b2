import { useEffect } from 'react';

/**
 * F6 and Shift+F6 move focus between the window's regions, in order: sidebar, top bar, thread,
 * composer (docs/design-system.md, "Keyboard and focus"), as desktop apps and browsers do. A
 * region out of view (the drawer closed, the log of a new chat, the thread under Compare) is skipped.
 */

interface Region {
  find: () => HTMLElement | null;
  /** Where focus lands in it: the place a person most likely wants. */
  target: (region: HTMLElement) => HTMLElement | null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const firstFocusable = (region: HTMLElement) => region.querySelector<HTMLElement>(FOCUSABLE);

const REGIONS: readonly Region[] = [
  {
    // The open conversation's row, else the search field.
    find: () => document.querySelector<HTMLElement>('nav[aria-label="Conversations"]'),
    target: (region) => region.querySelector<HTMLElement>('[aria-current="page"]') ?? firstFocusable(region),
  },
  { find: () => document.querySelector<HTMLElement>('header.top-bar'), target: firstFocusable },
  {
    // The log scrolls with the arrow keys once focused; Compare, when open, is the thread.
    find: () => document.querySelector<HTMLElement>('.compare-view') ?? document.querySelector<HTMLElement>('[role="log"][aria-label="Conversation"]'),
    target: (region) => (region.matches('[role="log"]') ? region : firstFocusable(region)),
  },
  { find: () => document.querySelector<HTMLElement>('.composer-dock'), target: (region) => region.querySelector<HTMLElement>('textarea') },
];

const shown = (element: HTMLElement) => element.getClientRects().length > 0 && element.closest('[inert]') === null;

/** Moves focus to the next region (or the previous one, `backwards`); returns false when there is none to move to. */
export function cycleRegion(backwards: boolean): boolean {
  const present = REGIONS.flatMap(({ find, target }) => {
    const region = find();
    const focus = region && shown(region) ? target(region) : null;
    return region && focus ? [{ region, focus }] : [];
  });
  if (present.length === 0) return false;
  const active = document.activeElement;
  const current = present.findIndex(({ region }) => active instanceof Node && region.contains(active));
  const step = backwards ? -1 : 1;
  const next = current === -1 ? (backwards ? present.length - 1 : 0) : (current + step + present.length) % present.length;
  present[next]?.focus.focus();
  return true;
}

/** Listens for F6 and Shift+F6 on the window; a modal dialog keeps them (its page is inert). */
export function useRegionCycle(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // Also keeps the browser's own F6 (to the address bar, in web mode) from acting.
      if (cycleRegion(event.shiftKey)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
