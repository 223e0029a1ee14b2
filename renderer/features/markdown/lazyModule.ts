import { useEffect, useSyncExternalStore } from 'react';

/** A module loaded on first use (its own chunk), that components can wait for without Suspense. */
export interface LazyModule<T> {
  /** Loads the module, once; every component waiting for it renders again when it arrives. */
  load(): Promise<T>;
  /** The module, or null while it loads (asking for it if nobody has). */
  use(): T | null;
}

export function lazyModule<T>(name: string, importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const load = () => {
    loading ??= importer().then((module) => {
      loaded = module;
      for (const listener of listeners) listener();
      return module;
    });
    return loading;
  };
  return {
    load,
    use() {
      const module = useSyncExternalStore(subscribe, () => loaded);
      useEffect(() => {
        if (!module) load().catch((error: unknown) => console.warn(`${name} failed to load`, error));
      }, [module]);
      return module;
    },
  };
}
