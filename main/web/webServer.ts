/**
 * Web mode: serves the built renderer on 127.0.0.1 and bridges it to main's services
 * over a WebSocket. Development and test tool only; it never ships in an installer.
 *
 * Guard: a random per-run token (in the printed URL) and an Origin check on the socket,
 * so neither another local page nor another local user's browser can drive it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, TOKEN_PARAM, type BridgeReply, type BridgeRequest } from '../../shared/ipc/bridgeProtocol';
import { CONTENT_SECURITY_POLICY } from '../security/contentSecurityPolicy';
import type { ChatStreamControl, Router } from '../ipc/router';
import { readStaticFile } from './staticFiles';

export interface WebServer {
  /** The page's URL, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Told as each chat frame from the page has been read, before main handles it: the first-token bench
 * splits main's part there, into the frame's way from the page and main's own work. Nothing is
 * published while no one listens.
 */
export const CHAT_FRAME_READ_CHANNEL = 'parley:web:chat-frame-read';
const chatFramesRead = channel(CHAT_FRAME_READ_CHANNEL);

/** The bridge refuses frames larger than this: the biggest legitimate one is a long conversation. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseRequest(data: string): BridgeRequest | null {
  try {
    const value = JSON.parse(data) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { id, kind } = value as { id?: unknown; kind?: unknown };
    if (typeof id !== 'number' || !['invoke', 'chat', 'chat-control'].includes(String(kind))) return null;
    return value as BridgeRequest;
  } catch {
    return null;
  }
}

/** One browser tab's socket: its requests and the chats it has running. */
function serveSocket(socket: WebSocket, router: Router): void {
  const chats = new Map<number, ChatStreamControl>();
  const reply = (message: BridgeReply) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const unsubscribe = router.onChange((change) => reply({ id: 0, kind: 'change', change }));

  socket.on('message', (data) => {
    const message = parseRequest(data.toString());
    if (!message) return;
    if (message.kind === 'invoke') {
      void router.invoke(message.channel, message.request).then((envelope) => reply({ id: message.id, kind: 'result', envelope }));
    } else if (message.kind === 'chat') {
      if (chatFramesRead.hasSubscribers) chatFramesRead.publish(null);
      const stream = router.startChat(message.request, (event) => {
        if (event.type === 'done') chats.delete(message.id);
        reply({ id: message.id, kind: 'event', event });
      });
      if (!chats.has(message.id)) chats.set(message.id, stream);
    } else {
      chats.get(message.id)?.control(message.control);
    }
  });
  // A closed tab stops its answers instead of leaving them running on the server.
  socket.on('close', () => {
    unsubscribe();
    for (const chat of chats.values()) chat.cancel();
    chats.clear();
  });
}

export async function startWebServer(options: { router: Router; staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origins: string[] = [];

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    void readStaticFile(options.staticDir, url.pathname).then((file) => {
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      response.end(file.body);
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const allowed = url.pathname === BRIDGE_PATH && sameToken(url.searchParams.get(TOKEN_PARAM), token) && origins.includes(request.headers.origin ?? '');
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.router));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
