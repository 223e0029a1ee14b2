/** The Settings › Tools channels: MCP servers, their tools' switches, and the Claude desktop import. */
import type { Channel, ToolServerFields } from '../../shared/ipc';
import type { Handlers } from '../ipc/router';
import type { ToolsService } from './toolsService';

type ToolChannel = Extract<Channel, `tools:${string}`>;

export interface ToolHandlerDeps {
  tools: ToolsService;
  /** Told every secret value the page sends, so the log can redact it. */
  remember(secret: string | null): void;
}

export function createToolHandlers({ tools, remember }: ToolHandlerDeps): Pick<Handlers, ToolChannel> {
  const rememberSecrets = (fields: ToolServerFields) => {
    for (const { value } of fields.transport === 'stdio' ? fields.env : fields.headers) remember(value ?? null);
  };
  return {
    'tools:list': () => tools.list(),
    'tools:add': ({ fields, allowInsecure }) => {
      rememberSecrets(fields);
      return tools.add(fields, allowInsecure);
    },
    'tools:update': ({ id, fields, allowInsecure }) => {
      rememberSecrets(fields);
      return tools.update(id, fields, allowInsecure);
    },
    'tools:remove': ({ id }) => tools.remove(id),
    'tools:start': ({ id }) => tools.start(id),
    'tools:restart': ({ id }) => tools.restart(id),
    'tools:stop': ({ id }) => tools.stop(id),
    'tools:setToolEnabled': ({ serverId, tool, enabled }) => tools.setToolEnabled(serverId, tool, enabled),
    'tools:revokeAlwaysAllow': ({ serverId, tool }) => tools.revokeAlwaysAllow(serverId, tool),
    'tools:importClaudeConfig': ({ content, allowInsecure }) => tools.importClaudeConfig(content, allowInsecure),
  };
}
