import { createContext, useContext } from 'react';

/**
 * Something main keeps, as the window shows it (the settings, the prompt library). App reads it
 * at start and again whenever main announces a change of it; a component that has just saved
 * shows main's answer (or its own change, before main has it) with `show`, so it need not wait
 * for that announcement.
 */
export interface ShownValue<T> {
  value: T;
  show(value: T): void;
}

/** The context App provides the value through, and the hook that reads it. */
export function shownValueContext<T>(hook: string) {
  const Context = createContext<ShownValue<T> | null>(null);
  function useShownValue(): ShownValue<T> {
    const shown = useContext(Context);
    if (!shown) throw new Error(`${hook} needs its context above it (App provides it)`);
    return shown;
  }
  return [Context, useShownValue] as const;
}
