/**
 * Tools through the real web-mode bridge: the page's `createApi` over the loopback WebSocket,
 * main's real services, the fake inference server and server-everything from npm. The person's
 * answer to "Allow tool call" travels back on the chat stream, and closing web mode ends the
 * server's process.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, ChatEvent, ToolServerState } from '../../../../shared/ipc';
import { webModeApi } from '../export/webModeApi';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { crashingServer, everythingWithPidFile, isAlive, until } from './realServers';

let harness: WebModeHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('tools in web mode', () => {
  it('asks over the socket, runs the allowed call, keeps it in history, and stops the server on close', async () => {
    const pidFile = path.join(os.tmpdir(), `parley-web-tools-${randomUUID()}.pid`);
    const { command, args } = everythingWithPidFile(pidFile) as { command: string; args: string[] };
    harness = await startWebModeHarness({
      config: { toolServers: [{ id: 'everything', name: 'Everything', transport: 'stdio', command, args, secretNames: [], disabledTools: [], alwaysAllowed: [] }] },
    });
    const api = await webModeApi(harness);
    const conversationId = randomUUID();
    await api.createConversation({ id: conversationId, model: 'fake/tools', systemPrompt: '' });

    const events: ChatEvent[] = [];
    const stream = api.chat(
      {
        model: 'fake/tools',
        systemPrompt: '',
        messages: [{ role: 'user', content: 'call echo {"message": "over the socket"}' }],
        history: { conversationId, answerId: randomUUID(), turn: { kind: 'new', userMessageId: randomUUID() } },
        toolServers: ['everything'],
      },
      (event) => {
        events.push(event);
        if (event.type === 'tool-call' && event.call.status === 'awaiting-approval') stream.answerToolCall(event.call.id, 'once');
      },
    );
    const result = await stream.done;

    expect(result).toMatchObject({ status: 'complete', content: 'Let me check.Tool results: Echo: over the socket' });
    expect(events.filter((event) => event.type === 'tool-call').map((event) => event.type === 'tool-call' && event.call.status)).toEqual(['awaiting-approval', 'running', 'complete']);
    const stored = await api.getConversation({ id: conversationId });
    expect(stored.toolServers).toEqual(['everything']);
    expect(stored.messages[1]?.toolCalls).toEqual([expect.objectContaining({ serverName: 'Everything', tool: 'echo', status: 'complete', decision: 'once' })]);

    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(isAlive(pid)).toBe(true);
    await harness.close();
    harness = null;
    await until(() => !isAlive(pid), 'the server process to end');
  });

  it('tells the page when a server crashes by itself, so Settings › Tools shows why', async () => {
    const trigger = path.join(os.tmpdir(), `parley-web-crash-${randomUUID()}`);
    const { command, args } = crashingServer(trigger) as { command: string; args: string[] };
    harness = await startWebModeHarness({
      config: { toolServers: [{ id: 'crashing', name: 'Crashing', transport: 'stdio', command, args, secretNames: [], disabledTools: [], alwaysAllowed: [] }] },
    });
    const api = await webModeApi(harness);
    expect((await api.startToolServer({ id: 'crashing' })).state).toEqual({ status: 'ready' });
    // What the page reads on each "tools" change; on a busy machine the start's own change may
    // still be on its way, so the crash counts as announced once a change leads to it.
    const readOnChange: ToolServerState[] = [];
    api.onChange((change: Change) => {
      if (change.topic === 'tools') void api.listToolServers().then(([server]) => server && readOnChange.push(server.state));
    });
    writeFileSync(trigger, '');
    await until(() => readOnChange.some((state) => state.status === 'failed'), 'the crash to be announced');
    expect(readOnChange.find((state) => state.status === 'failed')).toEqual({ status: 'failed', reason: expect.stringContaining('The server stopped unexpectedly.') });
    rmSync(trigger, { force: true });
  });
});
