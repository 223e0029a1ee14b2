/**
 * Web mode's transport: one WebSocket to the loopback bridge, authenticated by the
 * per-run token that `npm run web` printed in the page's URL.
 */
import { failedResult } from '../../shared/chatResult';
import type { AppError, Change, ChatEvent, Envelope } from '../../shared/ipc';
import { BRIDGE_PATH, TOKEN_PARAM, type BridgeReply, type BridgeRequest } from '../../shared/ipc/bridgeProtocol';
import type { Transport } from '../../shared/ipc/client';

type Pending = { kind: 'invoke'; resolve: (envelope: Envelope<unknown>) => void } | { kind: 'chat'; onEvent: (event: ChatEvent) => void };

const LOST: AppError = { code: 'connection', message: 'Lost the connection to the Parley web server. Is `npm run web` still running?' };

export function createWebTransport(location: Pick<Location, 'host' | 'search' | 'protocol'>): Transport {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${location.host}${BRIDGE_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const changeListeners = new Set<(change: Change) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;
  /** The socket once open: a frame then leaves in the call itself, not a task later (a chat's time to first token). */
  let connected: WebSocket | null = null;

  function failAll(): void {
    for (const [id, entry] of pending) {
      if (entry.kind === 'invoke') entry.resolve({ ok: false, error: LOST });
      else entry.onEvent({ type: 'done', result: failedResult(LOST) });
      pending.delete(id);
    }
  }

  function connect(): Promise<WebSocket> {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        connected = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error(LOST.message));
      ws.onclose = () => {
        socket = null;
        connected = null;
        failAll();
      };
      ws.onmessage = (message: MessageEvent<string>) => {
        const reply = JSON.parse(message.data) as BridgeReply;
        if (reply.kind === 'change') {
          for (const listener of changeListeners) listener(reply.change);
          return;
        }
        const entry = pending.get(reply.id);
        if (!entry) return;
        if (reply.kind === 'result' && entry.kind === 'invoke') {
          pending.delete(reply.id);
          entry.resolve(reply.envelope);
        } else if (reply.kind === 'event' && entry.kind === 'chat') {
          if (reply.event.type === 'done') pending.delete(reply.id);
          entry.onEvent(reply.event);
        }
      };
    });
    return socket;
  }

  async function send(message: BridgeRequest): Promise<void> {
    const ws = connected ?? (await connect());
    ws.send(JSON.stringify(message));
  }

  return {
    invoke(channel, request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { kind: 'invoke', resolve });
        send({ id, kind: 'invoke', channel, request }).catch(() => failAll());
      });
    },
    openChat(request, onEvent) {
      const id = nextId++;
      pending.set(id, { kind: 'chat', onEvent });
      send({ id, kind: 'chat', request }).catch(() => failAll());
      return {
        send: (control) => {
          if (pending.has(id)) send({ id, kind: 'chat-control', control }).catch(() => failAll());
        },
      };
    },
    onChange(listener) {
      changeListeners.add(listener);
      // Main pushes changes only to an open socket.
      connect().catch(() => undefined);
      return () => void changeListeners.delete(listener);
    },
  };
}
