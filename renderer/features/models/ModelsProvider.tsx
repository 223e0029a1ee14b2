import type { ReactNode } from 'react';
import { ModelInfoContext, ModelsContext, type Models } from './modelsContext';

/** Shares the models with the chat screen: all of it for the picker and the 404 switch, the details alone for the answers. */
export function ModelsProvider({ value, children }: { value: Models; children: ReactNode }) {
  return (
    <ModelsContext value={value}>
      <ModelInfoContext value={value.list?.info ?? null}>{children}</ModelInfoContext>
    </ModelsContext>
  );
}
