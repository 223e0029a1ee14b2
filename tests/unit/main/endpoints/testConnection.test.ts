/**
 * "Test connection" against real servers on 127.0.0.1: the fake inference server (with and
 * without a key), a small server that misbehaves in the ways real ones do, a closed port, a
 * name that does not resolve and TLS spoken to a plain-HTTP port.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../../main/endpoints/testConnection';
import { BAD_KEY, startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';

let fake: FakeInferenceServer;
let keyless: FakeInferenceServer;
let odd: Server;
let oddURL: string;
let closedPortURL: string;

beforeAll(async () => {
  fake = await startFakeInferenceServer();
  keyless = await startFakeInferenceServer({ keyless: true });
  // A web page where the API should be, a gateway that refuses, and a server that never answers.
  odd = createServer((req, res) => {
    if (req.url?.startsWith('/html/')) res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Welcome to nginx!</h1>');
    else if (req.url?.startsWith('/forbidden/')) {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'This organization may not use the gateway' } }));
    }
  });
  odd.listen(0, '127.0.0.1');
  await once(odd, 'listening');
  oddURL = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
  const closed = createServer().listen(0, '127.0.0.1');
  await once(closed, 'listening');
  closedPortURL = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
  closed.close();
  await once(closed, 'close');
});
afterAll(async () => {
  await fake.close();
  await keyless.close();
  odd.closeAllConnections();
  odd.close();
});

const endpoint = (baseURL: string, apiKey: string | null = 'endpoint-key-0123456789') => ({ baseURL, apiKey, project: '', keyOptional: true });

describe('test connection', () => {
  it('lists the models with their ids', async () => {
    fake.models = ['llama3.2:3b', 'qwen2.5:7b'];
    expect(await testConnection(endpoint(fake.baseURL))).toEqual({
      ok: true,
      models: ['llama3.2:3b', 'qwen2.5:7b'],
      message: 'Connected: 2 models: llama3.2:3b, qwen2.5:7b.',
    });
  });

  it('reaches a local server that needs no key without sending any Authorization header', async () => {
    keyless.models = ['llama3'];
    expect(await testConnection(endpoint(keyless.baseURL, null))).toMatchObject({ ok: true, message: 'Connected: 1 model: llama3.' });
    expect(keyless.requests.at(-1)?.headers).not.toHaveProperty('authorization');
  });

  it('quotes the server on 401 and 403, without the key', async () => {
    const refused = await testConnection(endpoint(fake.baseURL, BAD_KEY));
    expect(refused).toMatchObject({ ok: false, error: { code: 'auth', status: 401 } });
    expect(refused.message).toBe('The server did not accept the API key (401). It said: “Authentication failed.” Check the key, and the project header if the server needs one.');

    const forbidden = await testConnection(endpoint(`${oddURL}/forbidden/v1`));
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden', status: 403 } });
    expect(forbidden.message).toBe('The server refused access (403). It said: “This organization may not use the gateway.”');
  });

  it('says when the server is not OpenAI-compatible, or has nothing at the address', async () => {
    const html = await testConnection(endpoint(`${oddURL}/html/v1`));
    expect(html).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(html.message).toBe(
      `127.0.0.1:${new URL(oddURL).port} answered, but not like an OpenAI-compatible server: ${oddURL}/html/v1/models did not return a model list. Check the base URL (it usually ends in /v1).`,
    );
    // The fake server without /v1: a 404, as a local server answers a base URL missing its version.
    expect((await testConnection(endpoint(fake.baseURL.replace(/\/v1$/, '')))).message).toBe('The server has nothing at this address (404). Check the base URL in Settings.');
  });

  it('names a refused connection, a failed DNS lookup and a failed TLS handshake', async () => {
    const host = new URL(closedPortURL).host;
    expect((await testConnection(endpoint(closedPortURL))).message).toBe(`${host} refused the connection. Check the base URL in Settings.`);
    expect((await testConnection(endpoint('http://parley-test.invalid/v1'))).message).toMatch(/^Could not find parley-test\.invalid \(DNS lookup failed\)/);
    const tls = await testConnection(endpoint(fake.baseURL.replace('http:', 'https:')));
    expect(tls).toMatchObject({ ok: false, error: { code: 'connection' } });
    expect(tls.message).toMatch(/^The secure connection to 127\.0\.0\.1:\d+ failed \(.*SSL.*\)/);
  });

  it('gives up on a server that never answers, and says how long it waited', async () => {
    expect(await testConnection(endpoint(`${oddURL}/hang/v1`), 300)).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
      message: 'The server did not answer within 0.3 seconds. Try again, or check the base URL in Settings.',
    });
  });

  it('asks for a key where one is required (W&B) instead of sending a request without', async () => {
    const before = fake.requests.length;
    expect(await testConnection({ baseURL: fake.baseURL, apiKey: null, project: '' })).toMatchObject({ ok: false, error: { code: 'no-key' } });
    expect(fake.requests.length).toBe(before);
  });
});
