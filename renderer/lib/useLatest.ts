import { useLayoutEffect, useRef } from 'react';

/**
 * A ref that holds `value` as the last committed render had it, for a callback that must stay
 * the same (a listener, a memoized row's prop) and still read the latest. It is updated as the
 * render commits, not after it: a key or a message handled between the commit and React's
 * passive effects (a busy machine, a render longer than React's 5 ms slice) would otherwise act
 * on the render before.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
