/**
 * A page's view of web mode's bridge, one level below `createApi`: frames are sent as raw JSON
 * text (so `{"__proto__": …}` arrives as the page wrote it) and every frame received is kept.
 */
import { WebSocket } from 'ws';
import type { BridgeReply } from '../../../../shared/ipc/bridgeProtocol';
import type { ChatEvent, Envelope } from '../../../../shared/ipc';
import type { WebModeHarness } from '../../support/webModeHarness';

export interface RawBridge {
  /** Every frame main sent, as text. */
  readonly received: string[];
  /** Sends `{"id":…,"kind":"invoke","channel":…,"request":<requestJson>}`. */
  invoke(channel: string, requestJson: string): Promise<Envelope<unknown>>;
  /** Starts a chat with the raw request and resolves with its events, `done` last. */
  chat(requestJson: string): Promise<ChatEvent[]>;
  close(): void;
}

export async function openRawBridge(harness: WebModeHarness): Promise<RawBridge> {
  const { port, url } = harness.server;
  const token = new URL(url).searchParams.get('token') ?? '';
  const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${encodeURIComponent(token)}`, { origin: `http://127.0.0.1:${port}` });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const received: string[] = [];
  const waiting = new Map<number, (reply: BridgeReply) => void>();
  socket.on('message', (data) => {
    const text = data.toString();
    received.push(text);
    const reply = JSON.parse(text) as BridgeReply;
    waiting.get(reply.id)?.(reply);
  });
  let nextId = 1;

  return {
    received,
    invoke(channel, requestJson) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, (reply) => {
          if (reply.kind !== 'result') return;
          waiting.delete(id);
          resolve(reply.envelope);
        });
        socket.send(`{"id":${id},"kind":"invoke","channel":${JSON.stringify(channel)},"request":${requestJson}}`);
      });
    },
    chat(requestJson) {
      const id = nextId++;
      const events: ChatEvent[] = [];
      return new Promise((resolve) => {
        waiting.set(id, (reply) => {
          if (reply.kind !== 'event') return;
          events.push(reply.event);
          if (reply.event.type !== 'done') return;
          waiting.delete(id);
          resolve(events);
        });
        socket.send(`{"id":${id},"kind":"chat","request":${requestJson}}`);
      });
    },
    close: () => socket.close(),
  };
}
