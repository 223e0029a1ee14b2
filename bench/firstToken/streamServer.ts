/**
 * A minimal OpenAI-compatible server on 127.0.0.1 for the time-to-first-token bench: it lists one
 * model and streams every chat answer at once, its first chunk `Reply<n>` where the question is
 * `Question <n>` (so the page can tell the answer's first token from the question), after
 * `thinkMs` (0: at once; a model reading the prompt takes longer). It notes when each question's
 * request arrived, on the same clock as the page's (epoch milliseconds).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { epochClock } from './epochClock';

export const BENCH_MODEL = 'bench/stream';

export interface StreamServer {
  baseURL: string;
  origin: string;
  /** Epoch milliseconds on the clock the arrivals are read with. */
  now(): number;
  /** When the request whose last message is `question` arrived (its headers), in epoch ms. */
  arrivedAt(question: string): number | undefined;
  /** How long each answer's first chunk waits after its headers; changed between rounds of sends. */
  thinkMs: number;
  close(): Promise<void>;
}

/** The first chunk of the answer to `question`. */
export const replyTo = (question: string): string => `Reply${question.replace(/\D/g, '')}:`;

const TAIL_CHUNKS = 20;
const TAIL_DELAY_MS = 5;

async function bodyOf(request: IncomingMessage): Promise<{ messages?: { content?: unknown }[] }> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8')) as { messages?: { content?: unknown }[] };
}

/** Whether `request` asks for a chat answer; anything else is answered here: the model list (`model` only), or 404. */
export function isChatRequest(request: IncomingMessage, response: ServerResponse, model: string): boolean {
  if (request.method === 'GET' && request.url === '/v1/models') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: model, object: 'model' }] }));
    return false;
  }
  if (request.method === 'POST' && request.url === '/v1/chat/completions') return true;
  response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
  return false;
}

/** Starts `server` on a free port of 127.0.0.1 and resolves with its origin. */
export async function listenOnLoopback(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startStreamServer(): Promise<StreamServer> {
  const arrivals = new Map<string, number>();
  const now = epochClock();
  // The server handed out, its thinkMs read by each request as it arrives: the bench sets it between rounds.
  const stream = { thinkMs: 0 };
  const server = createServer((request, response) => {
    const arrived = now();
    if (!isChatRequest(request, response, BENCH_MODEL)) return;
    void bodyOf(request).then((body) => {
      const question = String(body.messages?.at(-1)?.content ?? '');
      arrivals.set(question, arrived);
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (content: string, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: BENCH_MODEL, choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
      const tail = Array.from({ length: TAIL_CHUNKS }, (_, n) => chunk(` word${n}`)).join('');
      const answer = () => {
        response.write(chunk(replyTo(question)));
        // The rest a moment later, as a model would: the first token is alone in its own read.
        setTimeout(() => response.end(`${tail}${chunk('.', 'stop')}data: [DONE]\n\n`), TAIL_DELAY_MS);
      };
      if (stream.thinkMs > 0) setTimeout(answer, stream.thinkMs);
      else answer();
    });
  });
  // As hosted endpoints behind a load balancer: idle connections kept for long, and no `Keep-Alive: timeout`
  // hint (Node's server would say 5 s, and close them then).
  server.keepAliveTimeout = 0;
  const origin = await listenOnLoopback(server);
  return Object.assign(stream, {
    baseURL: `${origin}/v1`,
    origin,
    now,
    arrivedAt: (question: string) => arrivals.get(question),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  });
}
