import { createContext, useContext } from 'react';
import type { PromptLibrary } from '../../../shared/ipc';

/**
 * The prompt library as the window shows it. App reads it at start and again whenever main
 * announces a prompts change; the Prompts dialog shows main's answer at once with `show`.
 */
export interface PromptLibraryState {
  library: PromptLibrary;
  show(library: PromptLibrary): void;
}

export const PromptLibraryContext = createContext<PromptLibraryState | null>(null);

export function usePromptLibrary(): PromptLibraryState {
  const state = useContext(PromptLibraryContext);
  if (!state) throw new Error('usePromptLibrary needs a <PromptLibraryContext> above it');
  return state;
}
