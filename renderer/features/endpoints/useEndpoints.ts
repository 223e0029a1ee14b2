import { useEffect, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { EndpointView } from '../../../shared/ipc';

/**
 * The endpoints main knows, loaded again whenever `version` changes (Settings changed them).
 * Until they arrive, or if they cannot be read, the list is empty: the chat then simply shows
 * no endpoint selector and goes on with the default endpoint.
 */
export function useEndpoints(api: ParleyApi, version: number): EndpointView[] {
  const [endpoints, setEndpoints] = useState<EndpointView[]>([]);
  useEffect(() => {
    let live = true;
    api.listEndpoints().then(
      (list) => live && setEndpoints(list),
      (error: unknown) => console.warn('Could not load the endpoints', error),
    );
    return () => {
      live = false;
    };
  }, [api, version]);
  return endpoints;
}
