import { createContext, useContext } from 'react';
import type { Settings } from '../../../shared/ipc';

/**
 * The settings as the window shows them. App reads them at start and again whenever main
 * announces a settings change; a component that has just saved shows main's answer (or its
 * own change, before main has it) with `show`, so it need not wait for that announcement.
 */
export interface SettingsState {
  settings: Settings;
  show(settings: Settings): void;
}

export const SettingsContext = createContext<SettingsState | null>(null);

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings needs a <SettingsContext> above it');
  return state;
}
