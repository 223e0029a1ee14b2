import { useCallback, useSyncExternalStore } from 'react';

/** Where there is no matchMedia (jsdom in component tests), the answer is `otherwise`. */
const hasMatchMedia = () => typeof window.matchMedia === 'function';

/** Whether a media query matches now, kept current as the window changes. */
export function useMediaQuery(query: string, otherwise: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!hasMatchMedia()) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => (hasMatchMedia() ? window.matchMedia(query).matches : otherwise));
}
