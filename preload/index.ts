/**
 * The preload: wires `createApi` to Electron IPC and exposes it as `window.parley`.
 * The page gets named functions only: no ipcRenderer, no channel names, no Electron events.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { acrossBridge, createApi, type Transport } from './api';
import { APP_COMMAND_CHANNEL, isAppCommand } from './appCommands';
import { CHAT_CHANNEL } from './chatChannel';
import type { ChatControl, ChatEvent, Envelope } from './contract';

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
  onCommand(listener) {
    // The page gets the command name only, never the Electron event; anything else is dropped.
    // A plain list check rather than the contract's zod enum keeps zod out of the preload.
    const relay = (_event: unknown, command: unknown) => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(APP_COMMAND_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(APP_COMMAND_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('parley', acrossBridge(createApi(transport)));
