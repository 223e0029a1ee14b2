import { createContext, useContext } from 'react';

/**
 * How remote images in answers are loaded. The app provides main's fetch (the page's CSP allows
 * no remote hosts) and the user's "Load remote images automatically" setting; without a
 * provider (component tests, benchmarks) the URL is used as it is, and only on request.
 */
export interface RemoteImages {
  /** The image as a URL the page may show (a data: URL when main fetched it). */
  load: (url: string) => Promise<string>;
  automatic: boolean;
}

export const RemoteImagesContext = createContext<RemoteImages>({ load: async (url) => url, automatic: false });

export const useRemoteImages = (): RemoteImages => useContext(RemoteImagesContext);
