import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CHAT_FRAME_READ_CHANNEL } from '../../../../main/web/webServer';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';

let harness: WebModeHarness;
beforeAll(async () => {
  harness = await startWebModeHarness();
});
afterAll(() => harness.close());

const origin = () => `http://127.0.0.1:${harness.server.port}`;
const bridge = (token: string) => `ws://127.0.0.1:${harness.server.port}/bridge?token=${encodeURIComponent(token)}`;
const token = () => new URL(harness.server.url).searchParams.get('token') ?? '';

function connect(url: string, fromOrigin: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin: fromOrigin });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => undefined);
  });
}

describe('web mode server', () => {
  it('serves the page on 127.0.0.1 with the CSP header', async () => {
    expect(harness.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const response = await fetch(harness.server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>Parley</title>');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const probe of ['/../config.json', '/%2e%2e/config.json', '/..%2fconfig.json', '/%E0%A4%A']) {
      const response = await fetch(`${origin()}${probe}`);
      expect(response.status, probe).toBe(404);
    }
  });

  it('opens the bridge only with the token and from its own origin', async () => {
    expect(await connect(bridge(token()), origin())).toBe('open');
    expect(await connect(bridge('wrong-token'), origin())).toBe(403);
    expect(await connect(bridge(''), origin())).toBe(403);
    expect(await connect(bridge(token()), 'http://evil.example')).toBe(403);
    expect(await connect(bridge(token()), 'http://127.0.0.1:1')).toBe(403);
  });

  it('ignores frames that are not bridge requests and keeps serving', async () => {
    const socket = new WebSocket(bridge(token()), { origin: origin() });
    await new Promise((resolve) => socket.on('open', resolve));
    const replies: string[] = [];
    socket.on('message', (data) => replies.push(data.toString()));
    socket.send('not json');
    socket.send(JSON.stringify({ kind: 'invoke' }));
    socket.send(JSON.stringify({ id: 7, kind: 'invoke', channel: 'settings:get', request: {} }));
    await expect.poll(() => replies.length).toBe(1);
    expect(JSON.parse(replies[0] ?? '{}')).toMatchObject({ id: 7, kind: 'result', envelope: { ok: true } });
    socket.close();
  });

  it('tells a listener (the first-token bench) each time it reads a chat frame, and for no other frame', async () => {
    let read = 0;
    const listener = () => read++;
    subscribe(CHAT_FRAME_READ_CHANNEL, listener);
    try {
      const socket = new WebSocket(bridge(token()), { origin: origin() });
      await new Promise((resolve) => socket.on('open', resolve));
      const replies: { id: number; kind: string }[] = [];
      socket.on('message', (data) => replies.push(JSON.parse(data.toString()) as { id: number; kind: string }));
      socket.send(JSON.stringify({ id: 1, kind: 'invoke', channel: 'settings:get', request: {} }));
      // A request main refuses still is a chat frame read: it is answered with a failed `done`.
      socket.send(JSON.stringify({ id: 2, kind: 'chat', request: {} }));
      await expect.poll(() => replies.filter((reply) => reply.id === 1 || (reply.id === 2 && reply.kind === 'event')).length).toBe(2);
      expect(read).toBe(1);
      socket.close();
    } finally {
      unsubscribe(CHAT_FRAME_READ_CHANNEL, listener);
    }
  });
});
