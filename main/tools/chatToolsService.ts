/**
 * The tools side of a chat (the chat service's ChatTools port): starts the servers a conversation
 * selected, offers their enabled tools as OpenAI function tools, runs a call on the right server
 * and keeps what it returned, and knows which models take no tools.
 */
import type OpenAI from 'openai';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import type { ChatTools, ToolSet, ToolTarget } from '../chat/chatTools';
import { functionNames } from './functionNames';
import { ToolCallFailure, type McpTool } from './mcpConnection';
import { toToolOutput } from './toolOutput';
import type { ToolServers } from './toolServers';
import type { ToolServerStore } from './toolServerStore';

export interface ChatToolsDeps {
  store: ToolServerStore;
  servers: ToolServers;
  attachments: Pick<AttachmentFiles, 'save'>;
  /** What the endpoint's catalogue says about the model's tool calling; null when it does not say. */
  catalogueToolCalling(endpointId: string | undefined, model: string): Promise<boolean | null>;
}

/** Servers without a description still get one: some models ignore a function that has none. */
const describe = (tool: McpTool, serverName: string): string => tool.description || `${tool.name} (from ${serverName})`;

export function createChatTools(deps: ChatToolsDeps): ChatTools {
  const refused = new Set<string>();
  const refusalKey = (endpointId: string | undefined, model: string) => `${endpointId ?? ''}\n${model}`;

  async function prepare(serverIds: readonly string[], signal: AbortSignal): Promise<ToolSet> {
    const known = new Set(deps.store.list().map((server) => server.id));
    // A server removed since the conversation chose it is simply not there any more.
    const selected = [...new Set(serverIds)].filter((id) => known.has(id));
    const starting = Promise.all(selected.map(async (id) => ({ record: deps.store.get(id), connection: await deps.servers.started(id) })));
    // Stop does not wait for a slow server to start: the answer ends at once (the start goes on).
    starting.catch(() => undefined); // still awaited below, unless Stop came first
    const stopped = new Promise<[]>((resolve) => signal.addEventListener('abort', () => resolve([]), { once: true }));
    const connections = signal.aborted ? [] : await Promise.race([starting, stopped]);
    const failedServers: ToolSet['failedServers'] = [];
    const offered: (ToolTarget & { schema: McpTool })[] = [];
    for (const { record, connection } of connections) {
      const { state } = connection;
      if (state.status !== 'ready') {
        failedServers.push({ serverId: record.id, serverName: record.name, reason: state.status === 'failed' ? state.reason : 'The server was stopped.' });
        continue;
      }
      for (const tool of connection.tools) {
        if (!record.disabledTools.includes(tool.name)) offered.push({ serverId: record.id, serverName: record.name, tool: tool.name, schema: tool });
      }
    }
    const byName = functionNames(offered);
    const definitions: OpenAI.Chat.ChatCompletionFunctionTool[] = [...byName.entries()].map(([name, target]) => ({
      type: 'function',
      function: { name, description: describe(target.schema, target.serverName), parameters: target.schema.inputSchema },
    }));

    return {
      definitions,
      failedServers,
      resolve(functionName) {
        const target = byName.get(functionName);
        return target ? { serverId: target.serverId, serverName: target.serverName, tool: target.tool } : null;
      },
      // Read from the store each time: a grant revoked in Settings while an answer runs counts at once.
      isAlwaysAllowed: (target) => deps.store.list().some((server) => server.id === target.serverId && server.alwaysAllowed.includes(target.tool)),
      rememberAlwaysAllowed: (target) => {
        deps.store.setAlwaysAllowed(target.serverId, target.tool, true);
      },
      async call(target, args, callSignal) {
        try {
          const connection = await deps.servers.started(target.serverId);
          return await toToolOutput(await connection.call(target.tool, args, callSignal), deps.attachments);
        } catch (error) {
          const text = error instanceof ToolCallFailure ? error.message : `The tool could not be run: ${error instanceof Error ? error.message : String(error)}`;
          return { text, images: [], isError: true };
        }
      },
    };
  }

  return {
    prepare,
    async supportsTools(endpointId, model) {
      if (refused.has(refusalKey(endpointId, model))) return false;
      return deps.catalogueToolCalling(endpointId, model);
    },
    markRefused(endpointId, model) {
      refused.add(refusalKey(endpointId, model));
    },
  };
}
