/**
 * Reads the de-facto MCP configuration people already have: Claude desktop's
 * `claude_desktop_config.json` (`{ "mcpServers": { "<name>": { "command", "args", "env" } } }`),
 * and the remote entries other clients write in the same file shape (`url` or `serverUrl`, a
 * `type` of `http` / `streamable-http`, `headers`). A file that is not such JSON changes nothing
 * and says why; an entry Parley cannot run is skipped with its reason, the others are kept.
 */
import { z } from 'zod';
import { toolServerFieldsSchema, type ToolServerFields } from '../../shared/ipc';
import { AppFailure } from '../appFailure';

export interface ParsedImport {
  servers: ToolServerFields[];
  skipped: { name: string; reason: string }[];
}

const stringMap = z.record(z.string(), z.string());
const entrySchema = z.object({
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: stringMap.optional(),
  type: z.string().optional(),
  transport: z.string().optional(),
  url: z.string().optional(),
  serverUrl: z.string().optional(),
  headers: stringMap.optional(),
});

const refuse = (reason: string): AppFailure =>
  new AppFailure({ code: 'invalid-request', message: `Nothing was imported: ${reason}` });

/** The entry as Parley's fields, or the reason it cannot be used. */
function fieldsOf(name: string, value: unknown): ToolServerFields | string {
  const entry = entrySchema.safeParse(value);
  if (!entry.success) return 'its command, args, env, url or headers are not in the expected form';
  const { command, args = [], env = {}, url, serverUrl, headers = {} } = entry.data;
  const type = (entry.data.type ?? entry.data.transport ?? '').toLowerCase();
  if (type === 'sse') return 'it uses the older SSE transport, which Parley does not support; use the server’s Streamable HTTP address';
  const address = url ?? serverUrl;
  const candidate =
    command !== undefined
      ? { name, transport: 'stdio' as const, command, args, env: Object.entries(env).map(([key, secret]) => ({ name: key, value: secret })) }
      : address !== undefined
        ? { name, transport: 'http' as const, url: address, headers: Object.entries(headers).map(([key, secret]) => ({ name: key, value: secret })) }
        : null;
  if (!candidate) return 'it has neither a command nor a url';
  const parsed = toolServerFieldsSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'entry'} ${issue?.message ?? 'is invalid'}`;
}

export function parseClaudeDesktopConfig(content: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw refuse(`this is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const root = z.object({ mcpServers: z.record(z.string(), z.unknown()) }).safeParse(json);
  if (!root.success) throw refuse('the JSON has no "mcpServers" object, so it is not a Claude desktop configuration.');
  const result: ParsedImport = { servers: [], skipped: [] };
  for (const [name, value] of Object.entries(root.data.mcpServers)) {
    const fields = fieldsOf(name.trim(), value);
    if (typeof fields === 'string') result.skipped.push({ name, reason: fields });
    else result.servers.push(fields);
  }
  return result;
}
