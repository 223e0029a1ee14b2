import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOpenAIClient } from '../../../../main/chat/openaiClient';

/** Longer than Node's own fetch keeps an idle connection (4 s), as a person takes to write the next question. */
const READING_MS = 5_000;

/** A real server on 127.0.0.1 that answers the model list and counts the connections opened to it. */
async function startCountingServer(configure: (server: Server) => void = () => {}) {
  let connections = 0;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model', created: 0, owned_by: 'test' }] }));
  });
  configure(server);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, connections: () => connections, close: () => new Promise((resolve) => server.close(resolve)) };
}

const servers: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** As most servers and load balancers: no `Keep-Alive: timeout` hint, and idle connections kept for long. */
const silentAboutKeepAlive = (server: Server) => {
  server.keepAliveTimeout = 0;
};

const listModels = (baseURL: string) => createOpenAIClient({ baseURL, apiKey: 'test-key', project: '' }, { timeoutMs: 5_000 }).models.list();

describe('connections to an endpoint', () => {
  it('stay open while a person writes the next question, where Node\'s own fetch opens a new one', { timeout: 20_000 }, async () => {
    const [server, plain] = await Promise.all([startCountingServer(silentAboutKeepAlive), startCountingServer(silentAboutKeepAlive)]);
    servers.push(server, plain);
    /** Two requests with a pause to read between them; side by side, so the test waits once. */
    const twice = async <T,>(request: () => Promise<T>): Promise<T> => {
      await request();
      await sleep(READING_MS);
      return request();
    };
    const [models] = await Promise.all([
      // A new client for each, as each request builds one: the connection is the process's, not the client's.
      twice(() => listModels(server.baseURL)),
      twice(async () => (await fetch(`${plain.baseURL}/models`)).json()),
    ]);
    expect(models.data.map((model) => model.id)).toEqual(['m']);
    expect(server.connections()).toBe(1);
    // Through Node's own fetch, the first connection was closed while idle.
    expect(plain.connections()).toBe(2);
  });

  it('are not reused past the time the server says it keeps them: the next request opens a new one, and succeeds', { timeout: 20_000 }, async () => {
    // Node's server says `Keep-Alive: timeout=1` and closes an idle connection after 1 s.
    const server = await startCountingServer((http) => (http.keepAliveTimeout = 1_000));
    servers.push(server);
    await listModels(server.baseURL);
    await sleep(1_500);
    expect((await listModels(server.baseURL)).data.map((model) => model.id)).toEqual(['m']);
    expect(server.connections()).toBe(2);
  });
});
