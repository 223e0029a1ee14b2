/**
 * MCP servers as Parley runs them: real servers from npm over stdio and Streamable HTTP, a
 * server that never answers, one that cannot be found, one that dies while in use. What a person
 * would notice: the state and its reason, the tools, what a call returns, how long a stop takes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMcpConnection, ToolCallFailure, type McpConnection, type McpTimeouts } from '../../../../main/tools/mcpConnection';
import { createToolServers } from '../../../../main/tools/toolServers';
import type { LaunchConfig } from '../../../../main/tools/toolServerStore';
import {
  crashingServer,
  everythingOverStdio,
  everythingWithPidFile,
  filesystemOver,
  isAlive,
  silentServer,
  startEverythingOverHttp,
  type HttpEverything,
  until,
} from './realServers';

const TIMEOUTS: McpTimeouts = { startMs: 30_000, callMs: 30_000 };
const open: McpConnection[] = [];
let folder: string;

function connect(config: LaunchConfig, timeouts = TIMEOUTS): McpConnection {
  const connection = createMcpConnection(config, timeouts, () => undefined);
  open.push(connection);
  return connection;
}

const textOf = (result: Awaited<ReturnType<McpConnection['call']>>): string =>
  result.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'parley-mcp-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.stop()));
  vi.unstubAllEnvs();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('server-everything over stdio', () => {
  it('starts, lists its tools with descriptions and runs one', async () => {
    const server = connect(everythingOverStdio());
    expect(server.state).toEqual({ status: 'stopped' });
    const starting = server.start();
    expect(server.state).toEqual({ status: 'starting' });
    await starting;

    expect(server.state).toEqual({ status: 'ready' });
    const echo = server.tools.find((tool) => tool.name === 'echo');
    expect(echo).toMatchObject({ description: 'Echoes back the input string', inputSchema: { type: 'object', properties: { message: { type: 'string' } } } });
    expect(server.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['get-sum', 'get-tiny-image', 'trigger-long-running-operation']));
    expect(textOf(await server.call('echo', { message: 'Grüße, 世界 🌍' }, new AbortController().signal))).toBe('Echo: Grüße, 世界 🌍');
  });

  it('gives the server its own variables and none of Parley’s environment', async () => {
    vi.stubEnv('PARLEY_API_KEY', 'parley-secret-key-0123456789');
    vi.stubEnv('OPENAI_API_KEY', 'sk-developer-0123456789');
    const server = connect(everythingOverStdio({ SERVER_TOKEN: 'token-for-the-server' }));
    await server.start();
    const env = JSON.parse(textOf(await server.call('get-env', {}, new AbortController().signal))) as Record<string, string>;
    expect(env.SERVER_TOKEN).toBe('token-for-the-server');
    expect(env.PATH).toBeTruthy();
    expect(JSON.stringify(env)).not.toContain('parley-secret-key');
    expect(JSON.stringify(env)).not.toContain('sk-developer');
  });

  it('reports a tool error as the tool’s own result, and a long call cut off at the timeout', async () => {
    const server = connect(everythingOverStdio(), { startMs: 30_000, callMs: 300 });
    await server.start();
    const invalid = await server.call('get-sum', { a: 'one' }, new AbortController().signal);
    expect(invalid.isError).toBe(true);

    const slow = server.call('trigger-long-running-operation', { duration: 5, steps: 5 }, new AbortController().signal);
    await expect(slow).rejects.toThrow(new ToolCallFailure('The tool did not finish within 0.3 seconds, so Parley stopped waiting.'));
    expect(server.state).toEqual({ status: 'ready' });
  });

  it('stops waiting for a tool at once when the answer is stopped', async () => {
    const server = connect(everythingOverStdio());
    await server.start();
    const controller = new AbortController();
    const started = Date.now();
    const slow = server.call('trigger-long-running-operation', { duration: 20, steps: 2 }, controller.signal);
    setTimeout(() => controller.abort(), 200);
    await expect(slow).rejects.toThrow('Stopped.');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(textOf(await server.call('echo', { message: 'still here' }, new AbortController().signal))).toBe('Echo: still here');
  });
});

describe('server-everything over Streamable HTTP', () => {
  let http: HttpEverything;
  beforeAll(async () => {
    http = await startEverythingOverHttp();
  });
  afterAll(() => http.close());

  it('connects to the URL, lists tools and runs one, with the configured headers', async () => {
    const server = connect({ id: 'remote', name: 'Remote', transport: 'http', url: http.url, headers: { 'X-Parley-Test': 'yes' } });
    await server.start();
    expect(server.state).toEqual({ status: 'ready' });
    expect(server.tools.map((tool) => tool.name)).toContain('echo');
    expect(textOf(await server.call('get-sum', { a: 2, b: 40 }, new AbortController().signal))).toContain('42');
  });

  it('says that nothing answers at a URL where no server runs', async () => {
    const server = connect({ id: 'none', name: 'None', transport: 'http', url: 'http://127.0.0.1:9/mcp', headers: {} });
    await server.start();
    expect(server.state).toEqual({ status: 'failed', reason: 'Nothing answered at http://127.0.0.1:9/mcp. Check the URL and that the server is running.' });
  });
});

describe('server-filesystem on a temporary folder', () => {
  it('reads a file inside its folder and refuses one outside', async () => {
    writeFileSync(join(folder, 'notes.txt'), 'Parley was here.\n');
    const server = connect(filesystemOver(folder));
    await server.start();
    expect(server.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['read_text_file', 'list_directory', 'write_file']));
    expect(textOf(await server.call('read_text_file', { path: join(folder, 'notes.txt') }, new AbortController().signal))).toContain('Parley was here.');
    const outside = await server.call('read_text_file', { path: '/etc/hostname' }, new AbortController().signal);
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toMatch(/access denied|outside allowed/i);
  });
});

describe('servers that fail', () => {
  it('names a command that does not exist', async () => {
    const server = connect({ id: 'missing', name: 'Missing', transport: 'stdio', command: 'parley-no-such-mcp-server', args: [], env: {} });
    await server.start();
    expect(server.state).toEqual({
      status: 'failed',
      reason: 'The command “parley-no-such-mcp-server” was not found. Check that it is installed and spelled right (Parley looks for it on the PATH).',
    });
  });

  it('gives up on a server that never answers, and has ended its process once it says so', async () => {
    const pidFile = join(folder, 'silent.pid');
    const server = connect(silentServer('silent', pidFile), { startMs: 1_000, callMs: 1_000 });
    await server.start();
    expect(server.state).toEqual({ status: 'failed', reason: 'The server did not answer within 1 second, so Parley stopped it.' });
    // The SDK alone would still be giving it seconds to leave: an app quit now would leave it running.
    expect(isAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('reports a server that exits while in use, with what it said last, without taking the caller down', async () => {
    const trigger = join(folder, 'crash-now');
    const server = connect(crashingServer(trigger));
    await server.start();
    expect(server.state).toEqual({ status: 'ready' });
    writeFileSync(trigger, '');
    await until(() => server.state.status === 'failed', 'the crash to be noticed');
    expect(server.state).toEqual({ status: 'failed', reason: expect.stringMatching(/^The server stopped unexpectedly\.\nThe server said: [^]*simulated crash$/) });
    await expect(server.call('echo', { message: 'anyone?' }, new AbortController().signal)).rejects.toThrow('The server is not running.');
  });

  it('keeps secret values out of the reason even when the server prints them', async () => {
    const secret = 'ghp_secret0123456789abcdef';
    const script = `console.error('token is ${secret}'); process.exit(1);`;
    const server = connect({ id: 'leaky', name: 'Leaky', transport: 'stdio', command: process.execPath, args: ['-e', script], env: { TOKEN: secret } });
    await server.start();
    expect(server.state.status).toBe('failed');
    expect(JSON.stringify(server.state)).not.toContain(secret);
    expect(JSON.stringify(server.state)).toContain('[redacted]');
  });
});

describe('the servers of the app', () => {
  it('starts a server when first needed, once, restarts it on request and ends its process on quit', async () => {
    const pidFile = join(folder, 'server.pid');
    const configs: Record<string, LaunchConfig> = { pid: everythingWithPidFile(pidFile) };
    const launched: string[] = [];
    const servers = createToolServers({
      launchConfig: async (id) => {
        launched.push(id);
        const config = configs[id];
        if (!config) throw new Error(`no config for ${id}`);
        return config;
      },
      timeouts: TIMEOUTS,
    });
    const changes: string[] = [];
    servers.onChange((id) => changes.push(`${id}:${servers.state(id).status}`));
    expect(servers.state('pid')).toEqual({ status: 'stopped' });

    const [first, second] = await Promise.all([servers.started('pid'), servers.started('pid')]);
    expect(first).toBe(second);
    expect(launched).toEqual(['pid']);
    // server-everything may announce a changed tool list once it is up: another change, still `ready`.
    expect(changes.filter((change, at) => change !== changes[at - 1])).toEqual(['pid:starting', 'pid:ready']);
    const firstPid = Number(readFileSync(pidFile, 'utf8'));

    await servers.restart('pid');
    const secondPid = Number(readFileSync(pidFile, 'utf8'));
    expect(secondPid).not.toBe(firstPid);
    expect(servers.state('pid')).toEqual({ status: 'ready' });

    await servers.stopAll();
    expect(servers.state('pid')).toEqual({ status: 'stopped' });
    for (const pid of [firstPid, secondPid]) await until(() => !isAlive(pid), `process ${pid} to end`);
  });
});
