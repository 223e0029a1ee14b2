/**
 * The whole tool-call loop: the chat service against the fake inference server (which streams
 * tool calls the way OpenAI does and records what Parley sends back) and real MCP servers from
 * npm. What the person would notice: which calls ask first, what runs, what the model is told,
 * how Stop, failing servers and the round limit end up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { createChatService } from '../../../../main/chat/chatService';
import { createToolApprovals } from '../../../../main/chat/toolApprovals';
import { createMemoryCipher } from '../../../../main/secrets/memoryCipher';
import { createMemoryStore } from '../../../../main/settings/memoryStore';
import { createChatTools } from '../../../../main/tools/chatToolsService';
import { createToolServers, type ToolServers } from '../../../../main/tools/toolServers';
import { createToolServerStore, type ToolServerStore } from '../../../../main/tools/toolServerStore';
import type { ChatEvent, ChatResult, ToolApproval, ToolCallRecord } from '../../../../shared/ipc';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { EVERYTHING_BIN } from '../tools/realServers';

let fake: FakeInferenceServer;
let dataDir: string;
let store: ToolServerStore;
let servers: ToolServers;
let everything: string;

beforeAll(async () => {
  fake = await startFakeInferenceServer();
});
afterAll(() => fake.close());
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-tool-loop-'));
  store = createToolServerStore({ store: createMemoryStore(), secretsStore: createMemoryStore(), cipher: createMemoryCipher() });
  servers = createToolServers({ launchConfig: (id) => store.launchConfig(id), timeouts: { startMs: 30_000, callMs: 30_000 } });
  everything = (await store.add({ name: 'Everything', transport: 'stdio', command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], env: [] })).id;
});
afterEach(async () => {
  await servers.stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

function chatService(catalogueToolCalling: boolean | null = null, running: ToolServers = servers) {
  return createChatService({
    getEndpoint: async () => ({ baseURL: fake.baseURL, apiKey: 'test-key-0123456789', project: '' }),
    retry: { attempts: 0, baseDelayMs: 1 },
    tools: createChatTools({ store, servers: running, attachments: createAttachmentFiles(dataDir), catalogueToolCalling: async () => catalogueToolCalling }),
  });
}

interface Run {
  result: ChatResult;
  events: ChatEvent[];
  /** Each call's last state. */
  calls: ToolCallRecord[];
  /** The calls the person was asked about, in order. */
  asked: string[];
}

/**
 * One answer. `decide` answers each "Allow tool call" (as the page would, over the stream);
 * `stopWhen` presses Stop from inside the event stream.
 */
async function ask(
  text: string,
  options: { model?: string; servers?: string[]; decide?: (call: ToolCallRecord) => ToolApproval; stopWhen?: (event: ChatEvent) => boolean; chat?: ReturnType<typeof chatService> } = {},
): Promise<Run> {
  const chat = options.chat ?? chatService();
  const approvals = createToolApprovals();
  const controller = new AbortController();
  const events: ChatEvent[] = [];
  const asked: string[] = [];
  const result = await chat.chat(
    { model: options.model ?? 'fake/tools', systemPrompt: '', messages: [{ role: 'user', content: text }], toolServers: options.servers ?? [everything] },
    (event) => {
      events.push(event);
      if (event.type === 'tool-call' && event.call.status === 'awaiting-approval') {
        asked.push(event.call.tool);
        if (options.decide) approvals.answer(event.call.id, options.decide(event.call));
      }
      if (options.stopWhen?.(event)) controller.abort();
    },
    controller.signal,
    approvals,
  );
  const last = new Map<string, ToolCallRecord>();
  for (const event of events) if (event.type === 'tool-call') last.set(event.call.id, event.call);
  return { result, events, calls: [...last.values()], asked };
}

/** The messages of the last request the fake server saw: what Parley sent the model. */
function lastSentMessages(): Record<string, unknown>[] {
  const body = fake.requests.filter((request) => request.path === '/v1/chat/completions').at(-1)?.body as { messages: Record<string, unknown>[] };
  return body.messages;
}

const allow = (): ToolApproval => 'once';

describe('tool calls the person allows', () => {
  it('asks first, runs the tool, sends the result back as a tool message and writes the answer', async () => {
    const run = await ask('call echo {"message": "Grüße 🌍"}', { decide: allow });

    expect(run.asked).toEqual(['echo']);
    expect(run.result).toMatchObject({ status: 'complete', content: 'Let me check.Tool results: Echo: Grüße 🌍', finishReason: 'stop' });
    expect(run.calls).toEqual([
      expect.objectContaining({ serverId: everything, serverName: 'Everything', tool: 'echo', arguments: '{"message": "Grüße 🌍"}', status: 'complete', decision: 'once', resultText: 'Echo: Grüße 🌍', round: 1, contentOffset: 13, error: null }),
    ]);
    expect(run.calls[0]?.durationMs).toBeGreaterThanOrEqual(0);

    const sent = lastSentMessages();
    const assistant = sent.at(-2) as { role: string; content: string; tool_calls: { id: string; function: { name: string; arguments: string } }[] };
    expect(assistant).toMatchObject({ role: 'assistant', content: 'Let me check.' });
    expect(assistant.tool_calls).toEqual([{ id: expect.any(String), type: 'function', function: { name: 'Everything__echo', arguments: '{"message": "Grüße 🌍"}' } }]);
    expect(sent.at(-1)).toEqual({ role: 'tool', tool_call_id: assistant.tool_calls[0]?.id, content: 'Echo: Grüße 🌍' });
  });

  it('runs several calls of one turn in order, each asked for, their arguments streamed in fragments', async () => {
    const run = await ask('call echo {"message": "one"}\ncall get-sum {"a": 19, "b": 23}', { decide: allow });
    expect(run.asked).toEqual(['echo', 'get-sum']);
    expect(run.calls.map((call) => [call.tool, call.status])).toEqual([['echo', 'complete'], ['get-sum', 'complete']]);
    const toolMessages = lastSentMessages().filter((message) => message.role === 'tool');
    expect(toolMessages.map((message) => message.content)).toEqual(['Echo: one', expect.stringContaining('42')]);
    expect(run.result.content).toContain('Tool results: Echo: one | ');
  });

  it('keeps an image a tool returned as a stored file and tells the model it was shown', async () => {
    const run = await ask('call get-tiny-image {}', { decide: allow });
    expect(run.calls[0]?.resultImages).toEqual([expect.objectContaining({ kind: 'image', mimeType: 'image/png' })]);
    expect(lastSentMessages().at(-1)?.content).toContain('[The tool also returned 1 image(s), shown to the user.]');
  });

  it('“Always allow this tool” asks once, then runs the tool without asking', async () => {
    const first = await ask('call echo {"message": "first"}', { decide: () => 'always' });
    expect(first.asked).toEqual(['echo']);
    expect(store.get(everything).alwaysAllowed).toEqual(['echo']);

    const second = await ask('call echo {"message": "second"}', { decide: () => { throw new Error('should not ask'); } });
    expect(second.asked).toEqual([]);
    expect(second.calls).toEqual([expect.objectContaining({ status: 'complete', decision: 'remembered', resultText: 'Echo: second' })]);

    // Revoked in Settings: the next call asks again.
    store.setAlwaysAllowed(everything, 'echo', false);
    expect((await ask('call echo {"message": "third"}', { decide: allow })).asked).toEqual(['echo']);
  });
});

describe('tool calls that do not run', () => {
  it('“Deny” runs nothing and tells the model the person refused', async () => {
    const run = await ask('call echo {"message": "no"}', { decide: () => 'deny' });
    expect(run.calls).toEqual([expect.objectContaining({ status: 'denied', decision: 'deny', resultText: null })]);
    expect(lastSentMessages().at(-1)).toMatchObject({ role: 'tool', content: 'The user did not allow this tool call. Do not call it again unless they ask you to.' });
    expect(run.result).toMatchObject({ status: 'complete', content: expect.stringContaining('Tool results: The user did not allow') });
  });

  it('a tool nobody offered, or arguments that are not JSON, are refused without asking', async () => {
    const run = await ask('call delete_everything {}\ncall echo {"message": ', { decide: allow });
    expect(run.asked).toEqual([]);
    expect(run.calls.map((call) => [call.tool, call.status, call.serverId])).toEqual([
      ['delete_everything', 'not-run', null],
      ['echo', 'not-run', everything],
    ]);
    expect(lastSentMessages().filter((message) => message.role === 'tool').map((message) => message.content)).toEqual([
      'There is no tool named “delete_everything” in this conversation, so nothing was run.',
      'The arguments were not valid JSON, so the tool was not called.',
    ]);
  });

  it('a switched-off tool is not offered to the model', async () => {
    store.setToolEnabled(everything, 'echo', false);
    const run = await ask('call echo {"message": "hidden"}', { decide: allow });
    expect(run.calls).toEqual([expect.objectContaining({ tool: 'echo', status: 'not-run', serverId: null })]);
    const offered = (fake.requests.at(-2)?.body as { tools: { function: { name: string } }[] }).tools.map((tool) => tool.function.name);
    expect(offered).not.toContain('Everything__echo');
    expect(offered).toContain('Everything__get-sum');
  });
});

describe('Stop', () => {
  it('during a slow tool cancels it and keeps the answer so far', async () => {
    const started = Date.now();
    const run = await ask('call trigger-long-running-operation {"duration": 30, "steps": 3}', {
      decide: allow,
      stopWhen: (event) => event.type === 'tool-call' && event.call.status === 'running',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.result).toMatchObject({ status: 'stopped', content: 'Let me check.' });
    expect(run.calls).toEqual([expect.objectContaining({ status: 'cancelled', error: 'Stopped while it ran.' })]);
  });

  it('while the person is being asked runs nothing', async () => {
    const run = await ask('call echo {"message": "wait"}', { stopWhen: (event) => event.type === 'tool-call' && event.call.status === 'awaiting-approval' });
    expect(run.result.status).toBe('stopped');
    expect(run.calls).toEqual([expect.objectContaining({ status: 'cancelled', decision: null, resultText: null })]);
  });
});

describe('servers that fail', () => {
  it('a server that cannot start is reported, and the chat goes on with the others', async () => {
    const missing = (await store.add({ name: 'Missing', transport: 'stdio', command: 'parley-no-such-server', args: [], env: [] })).id;
    const run = await ask('call echo {"message": "still works"}', { servers: [missing, everything], decide: allow });
    expect(run.events).toContainEqual({ type: 'tool-server-failed', serverId: missing, serverName: 'Missing', reason: expect.stringContaining('was not found') });
    expect(run.result.content).toContain('Echo: still works');
  });

  it('a server that hangs at start is given up on after the start timeout, and the answer comes without tools', async () => {
    const silent = (await store.add({ name: 'Silent', transport: 'stdio', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], env: [] })).id;
    const impatient = createToolServers({ launchConfig: (id) => store.launchConfig(id), timeouts: { startMs: 2_000, callMs: 2_000 } });
    const run = await ask('call echo {"message": "anyone?"}', { servers: [silent], chat: chatService(null, impatient) });
    expect(run.events).toContainEqual({ type: 'tool-server-failed', serverId: silent, serverName: 'Silent', reason: 'The server did not answer within 2 seconds, so Parley stopped it.' });
    expect(run.result).toMatchObject({ status: 'complete', content: 'You said: call echo {"message": "anyone?"}' });
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('tools');
  });
});

describe('models and limits', () => {
  it('stops calling tools after 10 rounds, says so to the model, and has it answer', async () => {
    const run = await ask('go', { model: 'fake/tool-loop', decide: () => 'always' });
    const rounds = run.calls.map((call) => call.round);
    expect(rounds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(run.calls.slice(0, 10).every((call) => call.status !== 'not-run')).toBe(true);
    expect(run.calls[10]).toMatchObject({ status: 'not-run', error: 'Parley allows at most 10 rounds of tool calls in one answer. Answer with what you have.' });
    expect(run.asked).toHaveLength(1);
    expect(fake.requests.at(-1)?.body).toMatchObject({ tool_choice: 'none' });
    expect(run.result).toMatchObject({ status: 'complete', content: 'Stopping after 11 rounds of tools.' });
  });

  it('asks again for every call of every round: a tool result cannot earn the next call a pass', async () => {
    const run = await ask('go', { model: 'fake/tool-loop', decide: allow });
    expect(run.asked).toHaveLength(10);
    expect(run.calls.slice(0, 10).every((call) => call.decision === 'once')).toBe(true);
  });

  it('a model that refuses `tools` (400) answers without them, and is not offered them again', async () => {
    const chat = chatService();
    const first = await ask('hello', { model: 'fake/no-tools', chat });
    expect(first.events).toContainEqual({ type: 'tools-unavailable', reason: 'refused', message: 'fake/no-tools cannot use tools, so this answer was written without them.' });
    expect(first.result).toMatchObject({ status: 'complete', content: 'You said: hello' });

    const requestsBefore = fake.requests.length;
    const second = await ask('again', { model: 'fake/no-tools', chat });
    expect(second.events).toContainEqual(expect.objectContaining({ type: 'tools-unavailable', reason: 'model' }));
    expect(fake.requests.slice(requestsBefore).map((request) => request.body)).toEqual([expect.not.objectContaining({ tools: expect.anything() })]);
  });

  it('a model the catalogue marks as having no tool calling is not offered tools, and no server starts', async () => {
    const run = await ask('call echo {"message": "x"}', { chat: chatService(false) });
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'tools-unavailable', reason: 'model' }));
    expect(servers.state(everything)).toEqual({ status: 'stopped' });
    expect(run.result.content).toBe('You said: call echo {"message": "x"}');
  });

  it('without a selection nothing is offered and no server starts', async () => {
    const run = await ask('call echo {"message": "x"}', { servers: [] });
    expect(run.calls).toEqual([]);
    expect(servers.state(everything)).toEqual({ status: 'stopped' });
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('tools');
  });
});
