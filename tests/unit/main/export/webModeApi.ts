/** `window.parley` as a page in web mode gets it: createApi over the real WebSocket transport, for one harness. */
import { createApi } from '../../../../shared/ipc/client';
import type { ParleyApi } from '../../../../shared/ipc/client';
import { createWebTransport } from '../../../../renderer/lib/webTransport';
import type { WebModeHarness } from '../../support/webModeHarness';

/**
 * The transport opens its socket with the global WebSocket on its first call, so the first call
 * is made here, while the global one sends this harness's Origin: several harnesses can then
 * run side by side (an export from one, imported into a fresh data folder in another).
 */
export async function webModeApi(harness: WebModeHarness): Promise<ParleyApi> {
  const page = new URL(harness.server.url);
  globalThis.WebSocket = harness.browserSocket(page.origin);
  const api = createApi(createWebTransport(page));
  await api.getSettings();
  return api;
}
