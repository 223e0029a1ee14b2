/**
 * Electron's side of the transport: one `ipcMain.handle` per table channel, one MessagePort
 * per chat stream (Electron's reply-stream pattern), and the router's changes pushed to the
 * window. Every message is checked for its sender frame before the router, which validates
 * the payload, sees it.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { CHANGE_CHANNEL, CHANNELS, CHAT_CHANNEL, type AppError } from '../../shared/ipc';
import { failedResult } from '../../shared/chatResult';
import type { Router } from './router';
import { isTrustedSender } from './trustedSender';

const FORBIDDEN: AppError = { code: 'forbidden-sender', message: 'Request refused: it did not come from Parley’s own window.' };

export function registerIpc(ipcMain: IpcMain, router: Router, trustedOrigins: () => readonly string[], page: () => WebContents | null): void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent) =>
    isTrustedSender(event.senderFrame as (WebFrameMain & { parent: WebFrameMain | null }) | null, trustedOrigins());

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => (trusted(event) ? router.invoke(channel, payload) : { ok: false, error: FORBIDDEN }));
  }

  ipcMain.on(CHAT_CHANNEL, (event, payload: unknown) => {
    const [port] = event.ports;
    if (!port) return;
    if (!trusted(event)) {
      port.postMessage({ type: 'done', result: failedResult(FORBIDDEN) });
      port.close();
      return;
    }
    const stream = router.startChat(payload, (chatEvent) => {
      port.postMessage(chatEvent);
      if (chatEvent.type === 'done') port.close();
    });
    port.on('message', ({ data }: { data: unknown }) => stream.control(data));
    // The window went away mid-answer: stop paying for tokens nobody will read.
    port.on('close', () => stream.cancel());
    port.start();
  });

  // Changes name what changed, never its content: nothing in them needs a sender check.
  router.onChange((change) => {
    const contents = page();
    if (contents && !contents.isDestroyed()) contents.send(CHANGE_CHANNEL, change);
  });
}
