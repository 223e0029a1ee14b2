/**
 * The page's one way to main. In Electron the preload has put `window.parley` in place;
 * in web mode there is none, so the same `createApi` is built over the loopback WebSocket.
 */
import { fromBridge } from '../../shared/ipc/bridgeErrors';
import { createApi, type ParleyApi } from '../../shared/ipc/client';
import { createWebTransport } from './webTransport';

declare global {
  interface Window {
    parley?: ParleyApi;
  }
}

export const parley: ParleyApi = window.parley ? fromBridge(window.parley) : createApi(createWebTransport(window.location));
