import { useCallback, useEffect, useState } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import { useChanges } from '../../lib/useChanges';

/**
 * The endpoints main knows, read again whenever main says they changed (Settings added,
 * edited or removed one, or a key). Until they arrive, or if they cannot be read, the list is
 * empty: the chat then simply shows no endpoint selector and goes on with the default endpoint.
 */
export function useEndpoints(api: ParleyApi): EndpointView[] {
  const [endpoints, setEndpoints] = useState<EndpointView[]>([]);
  const read = useCallback(
    (isLive: () => boolean = () => true) =>
      api.listEndpoints().then(
        (list) => isLive() && setEndpoints(list),
        (error: unknown) => console.warn('Could not load the endpoints', error),
      ),
    [api],
  );
  useEffect(() => {
    let live = true;
    void read(() => live);
    return () => {
      live = false;
    };
  }, [read]);
  useChanges(api, ['endpoints'], () => void read());
  return endpoints;
}
