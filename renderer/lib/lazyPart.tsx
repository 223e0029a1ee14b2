import { createElement, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { whenIdle } from '../features/markdown/whenIdle';

/** Every part's loader, so tests can load them all before rendering (tests/unit/support/loadLazyParts.ts). */
const loaders: (() => Promise<unknown>)[] = [];

/** Loads every lazy part now: for callers (tests, benchmarks) that expect a part at once when it opens. */
export const loadLazyParts = (): Promise<unknown> => Promise.all(loaders.map((load) => load()));

/**
 * A part of the window that is not on screen at start (a dialog, a sheet, a view opened on
 * demand), in its own chunk so the start-up bundle stays small. The chunk is fetched when the
 * window is first idle, so opening the part feels instant; opened before that, it shows once its
 * chunk arrives.
 */
export function lazyPart<Part extends (props: never) => ReactNode>(load: () => Promise<Part>): Part {
  type Props = Parameters<Part>[0] & object;
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component as ComponentType<Props>),
      (error: unknown) => {
        // A chunk that failed (a dropped connection in web mode) is asked for again next time.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const Suspended = lazy(async () => ({ default: await preload() }));
  loaders.push(preload);
  whenIdle(() => void preload().catch(() => undefined));

  function LazyPart(props: Props) {
    // Chosen once per mount: a part shown while its chunk loaded must not mount again when it arrives.
    const [shown] = useState<ComponentType<Props>>(() => loaded ?? Suspended);
    return <Suspense fallback={null}>{createElement(shown, props)}</Suspense>;
  }
  // Typed as the part itself, so its props need no second name.
  return LazyPart as unknown as Part;
}
