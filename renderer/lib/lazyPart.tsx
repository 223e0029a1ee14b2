import { createElement, type ComponentType, type ReactNode } from 'react';
import { lazyModule } from '../features/markdown/lazyModule';
import { whenIdle } from '../features/markdown/whenIdle';

/** Every part's loader, so tests can load them all before rendering (tests/unit/support/loadLazyParts.ts). */
const loaders: (() => Promise<unknown>)[] = [];

/** Loads every lazy part now: for callers (tests, benchmarks) that expect a part at once when it opens. */
export const loadLazyParts = (): Promise<unknown> => Promise.all(loaders.map((load) => load()));

/**
 * A part of the window that is not on screen at start (a dialog, a sheet, a view opened on
 * demand), in its own chunk so the start-up bundle stays small. The chunk is fetched when the
 * window is first idle, so opening the part feels instant; opened before that, it shows once its
 * chunk arrives. No Suspense: React throttles a Suspense reveal on its clock, which a frozen
 * clock (screenshots) never moves past.
 */
export function lazyPart<Part extends (props: never) => ReactNode>(load: () => Promise<Part>): Part {
  type Props = Parameters<Part>[0] & object;
  const part = lazyModule('A part of the window', load);
  loaders.push(part.load);
  whenIdle(() => void part.load().catch(() => undefined));

  function LazyPart(props: Props) {
    const loaded = part.use() as ComponentType<Props> | null;
    return loaded && createElement(loaded, props);
  }
  // Typed as the part itself, so its props need no second name.
  return LazyPart as unknown as Part;
}
