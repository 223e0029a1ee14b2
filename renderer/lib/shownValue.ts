import { createContext, useContext } from 'react';

/**
 * Something main keeps, as the window shows it (the prompt library). App reads it at start and
 * again whenever main announces a change of it; a component that has just saved shows main's
 * answer with `show`, so it need not wait for that announcement.
 */
export interface ShownValue<T> {
  value: T;
  show(value: T): void;
}

/** A context App provides (always, once loaded), and the hook that reads it. */
export function appContext<State>(hook: string) {
  const Context = createContext<State | null>(null);
  function useAppState(): State {
    const state = useContext(Context);
    if (!state) throw new Error(`${hook} needs its context above it (App provides it)`);
    return state;
  }
  return [Context, useAppState] as const;
}

/** The context for a ShownValue, and the hook that reads it. */
export const shownValueContext = <T>(hook: string) => appContext<ShownValue<T>>(hook);
