/**
 * The preload: wires `createApi` to Electron IPC and exposes it as `window.parley`.
 * The page gets named functions only: no ipcRenderer, no channel names, no Electron events.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_COMMAND_CHANNEL, isAppCommand } from '../shared/appCommands';
import { acrossBridge } from '../shared/ipc/bridgeErrors';
import { CHANGE_CHANNEL, isChange } from '../shared/ipc/changes';
import { CHAT_CHANNEL, type ChatControl, type ChatEvent } from '../shared/ipc/chat';
import { createApi, type Transport } from '../shared/ipc/client';
import type { Envelope } from '../shared/ipc/errors';

/** Relays one of main's pushes to `listener`: the payload only, never the Electron event; anything malformed is dropped. */
function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const relay = (_event: unknown, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, relay);
  return () => void ipcRenderer.removeListener(channel, relay);
}

const transport: Transport = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>,
  openChat(request, onEvent) {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = ({ data }: MessageEvent<ChatEvent>) => {
      onEvent(data);
      if (data.type === 'done') port1.close();
    };
    ipcRenderer.postMessage(CHAT_CHANNEL, request, [port2]);
    return { send: (control: ChatControl) => port1.postMessage(control) };
  },
  // Plain checks rather than zod: the preload validates nothing else, main does.
  onCommand: (listener) => subscribe(APP_COMMAND_CHANNEL, isAppCommand, listener),
  onChange: (listener) => subscribe(CHANGE_CHANNEL, isChange, listener),
};

contextBridge.exposeInMainWorld('parley', acrossBridge(createApi(transport)));
