/**
 * The running side of the configured MCP servers: one connection per server, made when the
 * server is first needed (a chat that may use it, or Settings listing its tools), restarted on
 * request, dropped when its configuration changes or it is removed, and all stopped when Parley
 * quits. Listeners hear every change of a server's state or tools.
 */
import type { ToolServerState } from '../../shared/ipc';
import { createMcpConnection, type McpConnection, type McpTimeouts } from './mcpConnection';
import type { LaunchConfig } from './toolServerStore';

export const DEFAULT_TIMEOUTS: McpTimeouts = { startMs: 60_000, callMs: 120_000 };

export interface ToolServers {
  state(id: string): ToolServerState;
  /** The connection, started if it was not (resolves when ready or failed). */
  started(id: string): Promise<McpConnection>;
  restart(id: string): Promise<McpConnection>;
  /** Stops the server and forgets its connection (after a change of its configuration, or its removal). */
  stop(id: string): Promise<void>;
  stopAll(): Promise<void>;
  /** Called with a server's id whenever its state or tool list changes; returns the unsubscribe. */
  onChange(listener: (id: string) => void): () => void;
  /** The connection if one exists, without starting anything. */
  peek(id: string): McpConnection | undefined;
}

export interface ToolServersDeps {
  launchConfig(id: string): Promise<LaunchConfig>;
  timeouts?: McpTimeouts;
}

export function createToolServers(deps: ToolServersDeps): ToolServers {
  const timeouts = deps.timeouts ?? DEFAULT_TIMEOUTS;
  const connections = new Map<string, McpConnection>();
  /** Connections being made (their secrets decrypted), so two callers get the same one. */
  const making = new Map<string, Promise<McpConnection>>();
  const listeners = new Set<(id: string) => void>();
  const changed = (id: string) => {
    for (const listener of listeners) listener(id);
  };

  function connectionOf(id: string): Promise<McpConnection> {
    const existing = connections.get(id);
    if (existing) return Promise.resolve(existing);
    const pending =
      making.get(id) ??
      deps
        .launchConfig(id)
        .then((config) => {
          const connection = createMcpConnection(config, timeouts, () => changed(id));
          connections.set(id, connection);
          return connection;
        })
        .finally(() => making.delete(id));
    making.set(id, pending);
    return pending;
  }

  async function started(id: string): Promise<McpConnection> {
    const connection = await connectionOf(id);
    // A failed server is tried again when next needed: it may have been fixed since.
    if (connection.state.status !== 'ready') await connection.start();
    return connection;
  }

  async function stop(id: string): Promise<void> {
    const connection = connections.get(id);
    connections.delete(id);
    await connection?.stop();
    changed(id);
  }

  return {
    state: (id) => connections.get(id)?.state ?? { status: 'stopped' },
    started,
    async restart(id) {
      await stop(id);
      return started(id);
    },
    stop,
    stopAll: async () => {
      await Promise.all([...connections.keys()].map(stop));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    peek: (id) => connections.get(id),
  };
}
