/**
 * One MCP server, spoken to with the official SDK: a child process over stdio, or a Streamable
 * HTTP endpoint. It starts once when first needed, and reports its state (starting, ready,
 * failed with a reason, stopped). A server that cannot start, does not answer within the start
 * timeout, or exits later becomes `failed` with a sentence a person can act on; nothing it does
 * can throw into main.
 *
 * A stdio server gets only a minimal environment (PATH, HOME… as the SDK chooses) plus the
 * variables configured for it: Parley's own environment (PARLEY_API_KEY, OPENAI_*) never reaches it.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError, ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolServerState } from '../../shared/ipc';
import { redactSecrets } from '../logging/redact';
import { endProcess } from './endProcess';
import type { LaunchConfig } from './toolServerStore';

export interface McpTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments, passed to the model as the function's parameters. */
  inputSchema: Record<string, unknown>;
}

export interface McpTimeouts {
  /** Until the server has answered `initialize` and listed its tools. */
  startMs: number;
  /** One tool call. */
  callMs: number;
}

export interface McpConnection {
  readonly state: ToolServerState;
  readonly tools: readonly McpTool[];
  /** Starts the server, or waits for the start under way; resolves once it is ready or failed. */
  start(): Promise<void>;
  /** Runs a tool; throws a ToolCallFailure with a sentence when the call cannot complete. */
  call(tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<CallToolResult>;
  stop(): Promise<void>;
}

/** A call that did not complete: the sentence says why (timeout, crash, server error). */
export class ToolCallFailure extends Error {
  override readonly name = 'ToolCallFailure';
}

/** The last part of what a stdio server wrote to stderr: usually the reason it failed. */
const STDERR_KEPT = 1_000;

const seconds = (ms: number): string => {
  const value = Math.round(ms / 100) / 10;
  return `${value} ${value === 1 ? 'second' : 'seconds'}`;
};

/**
 * The SDK's stdio transport, keeping its child's pid. The SDK forgets the child as soon as it begins to
 * close it (a start that timed out closes at once), then gives it seconds to leave: a server that failed
 * to start is ended by Parley instead, at once, so quitting right after leaves nothing running.
 */
class StdioServerTransport extends StdioClientTransport {
  startedPid: number | null = null;

  override async start(): Promise<void> {
    await super.start();
    this.startedPid = this.pid;
  }
}

function describeStartFailure(config: LaunchConfig, error: unknown, timeouts: McpTimeouts): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (config.transport === 'stdio' && code === 'ENOENT') {
    return `The command “${config.command}” was not found. Check that it is installed and spelled right (Parley looks for it on the PATH).`;
  }
  if (config.transport === 'stdio' && code === 'EACCES') return `The command “${config.command}” cannot be run: it is not executable.`;
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return `The server did not answer within ${seconds(timeouts.startMs)}, so Parley stopped it.`;
  }
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) return 'The server exited while starting.';
  const detail = error instanceof Error ? error.message : String(error);
  if (config.transport === 'http') {
    if (/ECONNREFUSED|fetch failed/i.test(detail)) return `Nothing answered at ${config.url}. Check the URL and that the server is running.`;
    if (/\b401\b|unauthori[sz]ed/i.test(detail)) return `The server at ${config.url} refused Parley’s credentials (401). Check the headers.`;
    return `The server at ${config.url} could not be reached: ${detail}`;
  }
  return `The server could not start: ${detail}`;
}

export function createMcpConnection(config: LaunchConfig, timeouts: McpTimeouts, onChange: () => void): McpConnection {
  const secrets = Object.values(config.transport === 'stdio' ? config.env : config.headers);
  let state: ToolServerState = { status: 'stopped' };
  let tools: McpTool[] = [];
  let client: Client | null = null;
  let starting: Promise<void> | null = null;
  let stderrTail = '';

  const setState = (next: ToolServerState): void => {
    state = next.status === 'failed' ? { status: 'failed', reason: redactSecrets(next.reason, secrets) } : next;
    onChange();
  };
  const withStderr = (reason: string): string => {
    const tail = stderrTail.trim().split('\n').slice(-5).join('\n');
    return tail ? `${reason}\nThe server said: ${tail}` : reason;
  };

  function transportFor(): StdioServerTransport | StreamableHTTPClientTransport {
    if (config.transport === 'http') {
      return new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers } });
    }
    const transport = new StdioServerTransport({
      command: config.command,
      args: config.args,
      env: { ...getDefaultEnvironment(), ...config.env },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    return transport;
  }

  async function listTools(current: Client): Promise<McpTool[]> {
    const listed: McpTool[] = [];
    let cursor: string | undefined;
    do {
      const page = await current.listTools(cursor === undefined ? {} : { cursor }, { timeout: timeouts.startMs });
      for (const tool of page.tools) {
        listed.push({ name: tool.name, description: tool.description ?? tool.title ?? '', inputSchema: tool.inputSchema as Record<string, unknown> });
      }
      cursor = page.nextCursor;
    } while (cursor);
    return listed;
  }

  async function run(): Promise<void> {
    stderrTail = '';
    setState({ status: 'starting' });
    const current = new Client({ name: 'Parley', version: '1' }, { capabilities: {} });
    client = current;
    // Told once the server has gone: a crash of the process, a closed HTTP session, or our own stop.
    // While starting, the failed start itself says why (below).
    current.onclose = () => {
      if (client !== current || state.status !== 'ready') return;
      client = null;
      setState({ status: 'failed', reason: withStderr('The server stopped unexpectedly.') });
    };
    // Protocol noise (an unparseable line on stdout) is not fatal; the SDK keeps going.
    current.onerror = () => undefined;
    current.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      if (client === current) tools = await listTools(current).catch(() => tools);
      onChange();
    });
    const transport = transportFor();
    try {
      await current.connect(transport, { timeout: timeouts.startMs });
      tools = await listTools(current);
      if (client === current) setState({ status: 'ready' });
    } catch (error) {
      if (client !== current) return;
      client = null;
      setState({ status: 'failed', reason: withStderr(describeStartFailure(config, error, timeouts)) });
      const pid = transport instanceof StdioServerTransport ? transport.startedPid : null;
      await Promise.all([current.close().catch(() => undefined), pid === null ? undefined : endProcess(pid)]);
    }
  }

  async function stop(): Promise<void> {
    const current = client;
    client = null;
    starting = null;
    tools = [];
    setState({ status: 'stopped' });
    await current?.close().catch(() => undefined);
  }

  return {
    get state() {
      return state;
    },
    get tools() {
      return tools;
    },
    start() {
      if (state.status === 'ready') return Promise.resolve();
      if (state.status !== 'starting' || !starting) starting = run();
      return starting;
    },
    async call(tool, args, signal) {
      const current = client;
      if (!current || state.status !== 'ready') throw new ToolCallFailure('The server is not running.');
      try {
        return (await current.callTool({ name: tool, arguments: args }, undefined, { signal, timeout: timeouts.callMs })) as CallToolResult;
      } catch (error) {
        if (signal.aborted) throw new ToolCallFailure('Stopped.');
        if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
          throw new ToolCallFailure(`The tool did not finish within ${seconds(timeouts.callMs)}, so Parley stopped waiting.`);
        }
        // The server may have died during the call (onclose has run since the check above).
        const now = state as ToolServerState;
        if (now.status === 'failed') throw new ToolCallFailure(now.reason);
        throw new ToolCallFailure(redactSecrets(`The server reported an error: ${error instanceof Error ? error.message : String(error)}`, secrets));
      }
    },
    stop,
  };
}
