import { useEffect, useSyncExternalStore } from 'react';

type MathRenderer = typeof import('./mathRenderer');

let loaded: MathRenderer | null = null;
let loading: Promise<MathRenderer> | null = null;
const listeners = new Set<() => void>();

/** Loads KaTeX (once); every component waiting for it renders again when it arrives. */
export function loadMath(): Promise<MathRenderer> {
  loading ??= import('./mathRenderer').then((module) => {
    loaded = module;
    for (const listener of listeners) listener();
    return module;
  });
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The math renderer, or null while it loads (the first math of a run asks for it). */
export function useMathRenderer(): MathRenderer | null {
  const renderer = useSyncExternalStore(subscribe, () => loaded);
  useEffect(() => {
    if (!renderer) loadMath().catch((error: unknown) => console.warn('Math rendering failed to load', error));
  }, [renderer]);
  return renderer;
}
