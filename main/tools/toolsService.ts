/**
 * Settings › Tools as main offers it: the servers as the page may see them (state, tools with
 * their switches and "always allowed" marks, secret names with hints), adding, changing, removing,
 * starting and restarting them, and importing a Claude desktop configuration.
 */
import type { ToolServerFields, ToolServerImportReport, ToolServerView } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import { parseClaudeDesktopConfig } from './claudeConfigImport';
import type { ToolServers } from './toolServers';
import type { ToolServerRecord, ToolServerStore } from './toolServerStore';

export interface ToolsService {
  list(): Promise<ToolServerView[]>;
  add(fields: ToolServerFields, allowInsecure?: boolean): Promise<ToolServerView>;
  /** A running server is stopped, so its next use starts it with the new description. */
  update(id: string, fields: ToolServerFields, allowInsecure?: boolean): Promise<ToolServerView>;
  remove(id: string): Promise<{ removed: boolean }>;
  /** Starts the server if it is not running (to list its tools); answers once it is ready or failed. */
  start(id: string): Promise<ToolServerView>;
  restart(id: string): Promise<ToolServerView>;
  stop(id: string): Promise<ToolServerView>;
  setToolEnabled(serverId: string, tool: string, enabled: boolean): Promise<ToolServerView>;
  revokeAlwaysAllow(serverId: string, tool: string): Promise<ToolServerView>;
  /** Adds the usable entries of a Claude desktop config; bad JSON changes nothing and says why. */
  importClaudeConfig(content: string, allowInsecure?: boolean): Promise<ToolServerImportReport>;
}

export function createToolsService(store: ToolServerStore, servers: ToolServers): ToolsService {
  async function viewOf(record: ToolServerRecord): Promise<ToolServerView> {
    const connection = servers.peek(record.id);
    const base = {
      id: record.id,
      name: record.name,
      state: servers.state(record.id),
      tools: (connection?.tools ?? []).map((tool) => ({
        name: tool.name,
        description: tool.description,
        enabled: !record.disabledTools.includes(tool.name),
        alwaysAllowed: record.alwaysAllowed.includes(tool.name),
      })),
    };
    const secrets = await store.secretHints(record.id);
    return record.transport === 'stdio'
      ? { ...base, transport: 'stdio', command: record.command, args: record.args, env: secrets }
      : { ...base, transport: 'http', url: record.url, headers: secrets };
  }
  const view = (id: string) => viewOf(store.get(id));

  return {
    list: () => Promise.all(store.list().map(viewOf)),
    add: async (fields, allowInsecure) => viewOf(await store.add(fields, allowInsecure)),
    async update(id, fields, allowInsecure) {
      const record = await store.update(id, fields, allowInsecure);
      await servers.stop(id);
      return viewOf(record);
    },
    async remove(id) {
      await servers.stop(id);
      return { removed: store.remove(id) };
    },
    async start(id) {
      store.get(id);
      await servers.started(id);
      return view(id);
    },
    async restart(id) {
      store.get(id);
      await servers.restart(id);
      return view(id);
    },
    async stop(id) {
      await servers.stop(id);
      return view(id);
    },
    setToolEnabled: (serverId, tool, enabled) => viewOf(store.setToolEnabled(serverId, tool, enabled)),
    revokeAlwaysAllow: (serverId, tool) => viewOf(store.setAlwaysAllowed(serverId, tool, false)),
    async importClaudeConfig(content, allowInsecure) {
      const parsed = parseClaudeDesktopConfig(content);
      const report: ToolServerImportReport = { added: [], skipped: [...parsed.skipped] };
      for (const fields of parsed.servers) {
        try {
          report.added.push(await viewOf(await store.add(fields, allowInsecure)));
        } catch (error) {
          if (!(error instanceof AppFailure)) throw error;
          report.skipped.push({ name: fields.name, reason: error.message });
        }
      }
      return report;
    },
  };
}
