import { createContext, useContext } from 'react';
import type { ParleyApi } from '../../shared/ipc/client';

/**
 * The api reaches components through context rather than an import, so component tests
 * hand in their own double and never load the real transport.
 */
export const ParleyContext = createContext<ParleyApi | null>(null);

export function useParley(): ParleyApi {
  const api = useContext(ParleyContext);
  if (!api) throw new Error('useParley needs a <ParleyContext.Provider> above it');
  return api;
}
