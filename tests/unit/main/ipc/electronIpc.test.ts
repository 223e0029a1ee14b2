/**
 * Electron's side of the transport, with stand-ins for ipcMain and the window (no Electron
 * binary here): every table channel is handled, a frame that is not the app's own is refused,
 * and the router's changes reach the window on the change channel.
 */
import type { IpcMain, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANGE_CHANNEL, CHANNELS, DEFAULT_SETTINGS } from '../../../../shared/ipc';
import { registerIpc } from '../../../../main/ipc/electronIpc';
import { createRouter, type Handlers } from '../../../../main/ipc/router';

const ORIGIN = 'app://parley';
type Handler = (event: unknown, payload: unknown) => unknown;

function electronWith(page: { sent: [string, unknown][]; destroyed: boolean } | null) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler), on: () => ipcMain } as unknown as IpcMain;
  const contents = page && ({ isDestroyed: () => page.destroyed, send: (channel: string, payload: unknown) => void page.sent.push([channel, payload]) } as unknown as WebContents);
  const router = createRouter({
    handlers: { 'settings:update': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }) } as Handlers,
    chat: () => Promise.reject(new Error('not used')),
  });
  registerIpc(ipcMain, router, () => [ORIGIN], () => contents);
  const invoke = (channel: string, payload: unknown, url = `${ORIGIN}/index.html`) => handlers.get(channel)?.({ senderFrame: { url, parent: null } }, payload);
  return { handlers, invoke };
}

describe('registerIpc', () => {
  it('handles every channel of the tables', () => {
    expect([...electronWith(null).handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('pushes what a call changed to the window, and nothing for a refused sender', async () => {
    const page = { sent: [] as [string, unknown][], destroyed: false };
    const { invoke } = electronWith(page);
    expect(await invoke('settings:update', { theme: 'dark' }, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(page.sent).toEqual([]);
    expect(await invoke('settings:update', { theme: 'dark' })).toMatchObject({ ok: true });
    expect(page.sent).toEqual([[CHANGE_CHANNEL, { topic: 'settings' }]]);
  });

  it('drops a change when the window is gone', async () => {
    const page = { sent: [] as [string, unknown][], destroyed: true };
    expect(await electronWith(page).invoke('settings:update', { theme: 'dark' })).toMatchObject({ ok: true });
    expect(await electronWith(null).invoke('settings:update', { theme: 'dark' })).toMatchObject({ ok: true });
    expect(page.sent).toEqual([]);
  });
});
