import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientCache, reportingBytesTo, type Endpoint } from '../../../../main/chat/openaiClient';

/** A real server on 127.0.0.1 answering the model list, and saying which key and project each request carried. */
const seen: { authorization?: string | undefined; project?: string | undefined }[] = [];
const server = createServer((request, response) => {
  seen.push({ authorization: request.headers.authorization, project: request.headers['openai-project'] as string | undefined });
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model', created: 0, owned_by: 'test' }] }));
});
let endpoint: Endpoint;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, apiKey: 'key-one', project: '' };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('one SDK client per endpoint', () => {
  it('serves every request to the same endpoint, each with its own watcher of arriving bytes', async () => {
    const clients = createClientCache({ timeoutMs: 5_000 });
    const client = clients.clientFor(endpoint);
    expect(clients.clientFor({ ...endpoint })).toBe(client);
    let first = 0;
    let second = 0;
    await client.models.list(reportingBytesTo(() => first++));
    await client.models.list(reportingBytesTo(() => second++));
    await client.models.list();
    expect([first > 0, second > 0]).toEqual([true, true]);
  });

  it('builds another client once the key, the project or the URL changes, and each request carries its own', async () => {
    const clients = createClientCache({ timeoutMs: 5_000 });
    const first = clients.clientFor(endpoint);
    const newKey = clients.clientFor({ ...endpoint, apiKey: 'key-two' });
    const withProject = clients.clientFor({ ...endpoint, apiKey: 'key-two', project: 'team/project' });
    expect(new Set([first, newKey, withProject]).size).toBe(3);
    expect(clients.clientFor({ ...endpoint, baseURL: endpoint.baseURL.replace('127.0.0.1', 'localhost') })).not.toBe(first);
    seen.length = 0;
    await newKey.models.list();
    await withProject.models.list();
    expect(seen).toEqual([
      { authorization: 'Bearer key-two', project: undefined },
      { authorization: 'Bearer key-two', project: 'team/project' },
    ]);
  });
});
