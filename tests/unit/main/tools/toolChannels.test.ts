/**
 * The Settings › Tools channels (shared/ipc/tools.ts) as the page calls them: `createApi` over
 * the web-mode WebSocket, main's real router and services, and server-everything from npm as a
 * real MCP server process. What a person would notice: the server's state and tools, switches
 * that stick, secrets that never come back, processes that start and end, and what each call
 * announces to the window.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../../../shared/ipc/client';
import { ParleyError } from '../../../../shared/ipc/parleyError';
import type { Change, ChatEvent, ToolServerView } from '../../../../shared/ipc';
import { webModeApi } from '../export/webModeApi';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { EVERYTHING_BIN, everythingWithPidFile, isAlive, until } from './realServers';

const SECRET = 'everything-token-0123456789-WXYZ';
const pidFile = path.join(os.tmpdir(), `parley-tool-channels-${randomUUID()}.pid`);
const pidScript = everythingWithPidFile(pidFile) as { command: string; args: string[] };

let harness: WebModeHarness;
let api: ParleyApi;
const changes: Change[] = [];
let added: ToolServerView;

beforeAll(async () => {
  harness = await startWebModeHarness();
  api = await webModeApi(harness);
  api.onChange((change) => changes.push(change));
});
afterAll(async () => {
  await harness.close();
  await rm(pidFile, { force: true });
});

const readPid = async () => Number(await readFile(pidFile, 'utf8'));
const toolNamed = (view: ToolServerView | undefined, name: string) => view?.tools.find((tool) => tool.name === name);
/** Changes travel on the same socket as answers, and arrive before the answer they follow. */
const toolChangesSince = (count: number) => changes.slice(count).filter((change) => change.topic === 'tools');

describe('the tools channels through the real router', () => {
  it('adds a server: stopped, no tools yet, the secret only as a hint, and Settings › Tools is told', async () => {
    const before = changes.length;
    added = await api.addToolServer({
      fields: { name: 'Everything', transport: 'stdio', command: pidScript.command, args: pidScript.args, env: [{ name: 'EVERYTHING_TOKEN', value: SECRET }] },
      allowInsecure: true,
    });

    expect(added).toMatchObject({ name: 'Everything', transport: 'stdio', state: { status: 'stopped' }, tools: [], env: [{ name: 'EVERYTHING_TOKEN', hint: 'WXYZ' }] });
    expect(toolChangesSince(before)).toEqual([{ topic: 'tools' }]);
    expect(await api.listToolServers()).toEqual([added]);
    expect(JSON.stringify(await api.listToolServers())).not.toContain(SECRET);
    expect(await readFile(path.join(harness.dataDir, 'config.json'), 'utf8')).not.toContain(SECRET);
  });

  it('starts it: ready, with the tools the server lists, all on and none always allowed', async () => {
    const started = await api.startToolServer({ id: added.id });

    expect(started.state).toEqual({ status: 'ready' });
    expect(toolNamed(started, 'echo')).toEqual({ name: 'echo', description: 'Echoes back the input string', enabled: true, alwaysAllowed: false });
    expect(started.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['get-sum', 'get-tiny-image']));
    expect(isAlive(await readPid())).toBe(true);
  });

  it('switches a tool off and on again; the switch is kept', async () => {
    const off = await api.setToolEnabled({ serverId: added.id, tool: 'get-sum', enabled: false });
    expect(toolNamed(off, 'get-sum')?.enabled).toBe(false);
    expect(toolNamed((await api.listToolServers())[0], 'get-sum')?.enabled).toBe(false);

    const on = await api.setToolEnabled({ serverId: added.id, tool: 'get-sum', enabled: true });
    expect(toolNamed(on, 'get-sum')?.enabled).toBe(true);
  });

  it('revokes "Always allow" chosen in a chat: the next call asks again', async () => {
    const ask = (onEvent: (event: ChatEvent) => void) =>
      api.chat({ model: 'fake/tools', systemPrompt: '', messages: [{ role: 'user', content: 'call echo {"message": "hi"}' }], toolServers: [added.id] }, onEvent);
    const statuses: string[] = [];
    const first = ask((event) => {
      if (event.type !== 'tool-call') return;
      statuses.push(event.call.status);
      if (event.call.status === 'awaiting-approval') first.answerToolCall(event.call.id, 'always');
    });
    expect(await first.done).toMatchObject({ status: 'complete' });
    expect(statuses).toEqual(['awaiting-approval', 'running', 'complete']);
    expect(toolNamed((await api.listToolServers())[0], 'echo')?.alwaysAllowed).toBe(true);

    const revoked = await api.revokeAlwaysAllow({ serverId: added.id, tool: 'echo' });
    expect(toolNamed(revoked, 'echo')?.alwaysAllowed).toBe(false);

    const asked: string[] = [];
    const second = ask((event) => {
      if (event.type !== 'tool-call') return;
      asked.push(event.call.status);
      if (event.call.status === 'awaiting-approval') second.answerToolCall(event.call.id, 'deny');
    });
    await second.done;
    expect(asked).toEqual(['awaiting-approval', 'denied']);
  });

  it('restarts it in a new process, and stops it', async () => {
    const firstPid = await readPid();
    const restarted = await api.restartToolServer({ id: added.id });
    expect(restarted.state).toEqual({ status: 'ready' });
    await until(() => !isAlive(firstPid), 'the first process to end');
    const secondPid = await readPid();
    expect(secondPid).not.toBe(firstPid);

    const stopped = await api.stopToolServer({ id: added.id });
    expect(stopped.state).toEqual({ status: 'stopped' });
    await until(() => !isAlive(secondPid), 'the stopped server to end');
  });

  it('updates its description, keeping a secret sent without a value', async () => {
    await api.startToolServer({ id: added.id });
    const pid = await readPid();
    const updated = await api.updateToolServer({
      id: added.id,
      fields: { name: 'Everything (stdio)', transport: 'stdio', command: pidScript.command, args: pidScript.args, env: [{ name: 'EVERYTHING_TOKEN' }] },
    });

    expect(updated).toMatchObject({ name: 'Everything (stdio)', state: { status: 'stopped' }, env: [{ name: 'EVERYTHING_TOKEN', hint: 'WXYZ' }] });
    // The running server had the old description: it is stopped, and its next use starts it anew.
    await until(() => !isAlive(pid), 'the server with the old description to end');
  });

  it('tells why a server cannot start', async () => {
    const missing = await api.addToolServer({ fields: { name: 'Missing', transport: 'stdio', command: 'parley-no-such-command', args: [], env: [] } });
    const failed = await api.startToolServer({ id: missing.id });
    expect(failed.state).toEqual({ status: 'failed', reason: expect.stringContaining('“parley-no-such-command” was not found') });
    expect(await api.removeToolServer({ id: missing.id })).toEqual({ removed: true });
  });

  it('imports a Claude desktop configuration, and refuses one that is not JSON with nothing added', async () => {
    const content = await readFile(path.join(import.meta.dirname, '../../../fixtures/tools/claude_desktop_config.json'), 'utf8');
    const report = await api.importClaudeConfig({ content, allowInsecure: true });
    expect(report.added.map((server) => server.name)).toEqual(['filesystem', 'github', 'falcon-mcp-remote', 'todos']);
    expect(report.skipped.map((entry) => entry.name)).toEqual(['legacy-sse', 'no-command']);
    expect(JSON.stringify(report)).not.toContain('github_pat_11ABCDEFG');

    const count = (await api.listToolServers()).length;
    const refused = await api.importClaudeConfig({ content: '{"mcpServers": {' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ParleyError);
    expect(refused).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('Nothing was imported: this is not valid JSON') });
    expect(await api.listToolServers()).toHaveLength(count);
    for (const server of report.added) await api.removeToolServer({ id: server.id });
  });

  it('removes the server; calls naming it are refused with a clear message', async () => {
    const before = changes.length;
    expect(await api.removeToolServer({ id: added.id })).toEqual({ removed: true });
    expect(toolChangesSince(before)).toEqual([{ topic: 'tools' }]);
    expect(await api.listToolServers()).toEqual([]);

    const gone = await api.startToolServer({ id: added.id }).catch((error: unknown) => error);
    expect(gone).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('no longer exists') });
  });

  it('refuses a malformed server before any service sees it', async () => {
    const refused = await api
      .addToolServer({ fields: { name: 'Bad', transport: 'stdio', command: process.execPath, args: [EVERYTHING_BIN], env: [{ name: '1BAD', value: 'x' }] } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('fields.env.0.name') });
    expect(await api.listToolServers()).toEqual([]);
  });
});
