/**
 * A minimal OpenAI-compatible server on 127.0.0.1 for the streaming bench: it lists one model and
 * holds each chat answer open, sending exactly what the bench pushes, when it pushes it.
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import { isChatRequest, listenOnLoopback } from '../firstToken/streamServer';

export const PACED_MODEL = 'bench/paced';

export interface PacedServer {
  baseURL: string;
  origin: string;
  /** Resolves once an answer has been asked for. */
  answerAsked(): Promise<void>;
  /** Sends `content` as one chunk of the answer being streamed. */
  push(content: string): void;
  /** Ends the answer being streamed. */
  end(): void;
  close(): Promise<void>;
}

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: PACED_MODEL, choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

export async function startPacedServer(): Promise<PacedServer> {
  let answer: ServerResponse | null = null;
  let asked: () => void = () => undefined;
  let askedOnce = new Promise<void>((resolve) => (asked = resolve));
  const server = createServer((request, response) => {
    if (!isChatRequest(request, response, PACED_MODEL)) return;
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      answer = response;
      asked();
    });
  });
  const origin = await listenOnLoopback(server);
  return {
    baseURL: `${origin}/v1`,
    origin,
    answerAsked: () => askedOnce,
    push: (content) => void answer?.write(chunk(content)),
    end: () => {
      answer?.end(`${chunk('', 'stop')}data: [DONE]\n\n`);
      answer = null;
      askedOnce = new Promise<void>((resolve) => (asked = resolve));
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
