import { useMemo, useRef } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { RemoteImages } from '../markdown/remoteImages';

/**
 * Remote images fetched by main, once per address for the life of the window: the message
 * list mounts and unmounts rows as it scrolls, and must not download an image each time.
 */
export function useRemoteImagesThroughMain(api: ParleyApi, automatic: boolean): RemoteImages {
  const fetched = useRef(new Map<string, Promise<string>>());
  return useMemo(
    () => ({
      automatic,
      load(url) {
        const cache = fetched.current;
        let image = cache.get(url);
        if (!image) {
          image = api.fetchImage({ url }).then(({ dataUrl }) => dataUrl);
          // A failure is not remembered: the user may try again.
          image.catch(() => cache.delete(url));
          cache.set(url, image);
        }
        return image;
      },
    }),
    [api, automatic],
  );
}
