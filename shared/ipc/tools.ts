/**
 * The tools table (Settings › Tools): MCP servers as the page sees them (never a secret value,
 * a hint at most), their tools and switches; and the tool calls of an answer as they stream
 * and as history keeps them.
 */
import { z } from 'zod';
import type { Attachment } from './attachments';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';
import { httpUrl } from './fields';

export const TOOL_LIMITS = {
  serverNameChars: 100,
  commandChars: 4_096,
  args: 100,
  argChars: 4_096,
  secretEntries: 50,
  secretNameChars: 128,
  secretValueChars: 16_384,
  toolNameChars: 200,
  /** Servers one conversation may use at once. */
  conversationServers: 50,
  /** A pasted or opened Claude desktop config. */
  importChars: 1_000_000,
  serverIdChars: 100,
} as const;

/** Tool-call rounds per answer: after this many, the model is asked to answer with what it has. */
export const MAX_TOOL_ROUNDS = 10;

const serverName = z.string().trim().min(1, 'the name is empty').max(TOOL_LIMITS.serverNameChars);
export const serverIdSchema = z.string().min(1).max(TOOL_LIMITS.serverIdChars);

/** A secret entry as the page sends it: `value` absent keeps the value stored under that name. */
const secretEntry = (name: z.ZodString) => z.object({ name, value: z.string().max(TOOL_LIMITS.secretValueChars).optional() }).strict();
/** POSIX environment names: what every shell and `spawn` accepts. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be letters, digits and _ (not starting with a digit)').max(TOOL_LIMITS.secretNameChars);
/** RFC 9110 header names (`token`). */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a valid header name').max(TOOL_LIMITS.secretNameChars);
const uniqueNames = (entries: { name: string }[]) => new Set(entries.map((entry) => entry.name.toLowerCase())).size === entries.length;

export const stdioServerFieldsSchema = z
  .object({
    name: serverName,
    transport: z.literal('stdio'),
    command: z.string().trim().min(1, 'the command is empty').max(TOOL_LIMITS.commandChars),
    args: z.array(z.string().max(TOOL_LIMITS.argChars)).max(TOOL_LIMITS.args),
    env: z.array(secretEntry(envName)).max(TOOL_LIMITS.secretEntries).refine(uniqueNames, 'each variable once'),
  })
  .strict();

export const httpServerFieldsSchema = z
  .object({
    name: serverName,
    transport: z.literal('http'),
    url: httpUrl,
    headers: z.array(secretEntry(headerName)).max(TOOL_LIMITS.secretEntries).refine(uniqueNames, 'each header once'),
  })
  .strict();

export const toolServerFieldsSchema = z.discriminatedUnion('transport', [stdioServerFieldsSchema, httpServerFieldsSchema]);
export type ToolServerFields = z.infer<typeof toolServerFieldsSchema>;

/** `allowInsecure`: the person agreed to keep secret values without an OS keyring (as for API keys). */
export const addToolServerSchema = z.object({ fields: toolServerFieldsSchema, allowInsecure: z.boolean().optional() }).strict();
/** A whole new description of the server (the form sends every field); secrets without a value are kept. */
export const updateToolServerSchema = z.object({ id: serverIdSchema, fields: toolServerFieldsSchema, allowInsecure: z.boolean().optional() }).strict();
export const toolServerIdSchema = z.object({ id: serverIdSchema }).strict();
export const setToolEnabledSchema = z
  .object({ serverId: serverIdSchema, tool: z.string().min(1).max(TOOL_LIMITS.toolNameChars), enabled: z.boolean() })
  .strict();
export const revokeAlwaysAllowSchema = z.object({ serverId: serverIdSchema, tool: z.string().min(1).max(TOOL_LIMITS.toolNameChars) }).strict();
export const importToolServersSchema = z.object({ content: z.string().max(TOOL_LIMITS.importChars), allowInsecure: z.boolean().optional() }).strict();
export const conversationToolServersSchema = z.array(serverIdSchema).max(TOOL_LIMITS.conversationServers);

/** Where a server is in its life. `failed` carries a sentence a person understands. */
export type ToolServerState =
  | { status: 'stopped' }
  | { status: 'starting' }
  | { status: 'ready' }
  | { status: 'failed'; reason: string };

export interface ToolView {
  name: string;
  description: string;
  /** Off: never offered to the model. */
  enabled: boolean;
  /** "Always allow this tool" was chosen: calls run without asking (revocable). */
  alwaysAllowed: boolean;
}

/** A secret entry as the page may see it: its name, and the last characters of long values. */
export interface SecretHint {
  name: string;
  hint: string | null;
}

interface ToolServerBase {
  id: string;
  name: string;
  state: ToolServerState;
  /** Known once the server has started; empty before. */
  tools: ToolView[];
}

export type ToolServerView =
  | (ToolServerBase & { transport: 'stdio'; command: string; args: string[]; env: SecretHint[] })
  | (ToolServerBase & { transport: 'http'; url: string; headers: SecretHint[] });

export interface ToolServerImportReport {
  added: ToolServerView[];
  skipped: { name: string; reason: string }[];
}

/** What the person answered in "Allow tool call". */
export type ToolApproval = 'once' | 'always' | 'deny';
export const toolApprovalSchema = z.enum(['once', 'always', 'deny']);

/**
 * How a call went. `awaiting-approval`: the page should ask ("Allow tool call") and answer on the
 * chat stream; `not-run`: refused before asking (unknown tool, bad arguments, round limit).
 */
export type ToolCallStatus = 'awaiting-approval' | 'running' | 'complete' | 'error' | 'denied' | 'cancelled' | 'not-run' | 'interrupted';

/** How the call came to run or not: asked and answered, allowed earlier with "Always allow", or none yet. */
export type ToolCallDecision = 'once' | 'always' | 'remembered' | 'deny' | null;

export interface ToolCallRecord {
  /** Parley's id for the call (the model's own ids are not unique across servers and rounds). */
  id: string;
  /** 1 for the calls of the first request, and so on. */
  round: number;
  /** How much of the answer's content had arrived when the model made the call: where it belongs in the answer. */
  contentOffset: number;
  /** Null when the model named a tool no enabled server offers. */
  serverId: string | null;
  serverName: string;
  tool: string;
  /** The arguments as the model sent them (JSON text, possibly invalid). */
  arguments: string;
  status: ToolCallStatus;
  decision: ToolCallDecision;
  /** The tool's text output (untrusted); null until it ran. */
  resultText: string | null;
  /** Images the tool returned, stored like attachments. */
  resultImages: Attachment[];
  /** Why it failed or did not run, as a sentence. */
  error: string | null;
  startedAt: number;
  durationMs: number | null;
}

/** Every call changes what Settings › Tools shows: a server, its state or its tools. */
const toolsChanged = () => [changed('tools')];

export const toolCalls = {
  /** Every server with its state and, once it has started, its tools. Starts none. */
  listToolServers: call({ channel: 'tools:list', request: emptySchema, response: returns<ToolServerView[]>() }),
  /** Adds a server (not started); secret values are encrypted like API keys. */
  addToolServer: call({ channel: 'tools:add', request: addToolServerSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  /** Describes a server anew; a running one is stopped so its next use starts it with the new description. */
  updateToolServer: call({ channel: 'tools:update', request: updateToolServerSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  /** Stops and removes a server with its secrets; conversations that named it go on without it. */
  removeToolServer: call({ channel: 'tools:remove', request: toolServerIdSchema, response: returns<{ removed: boolean }>(), changes: toolsChanged }),
  /** Starts a server that is not running and answers once it is ready (with its tools) or failed (with why). */
  startToolServer: call({ channel: 'tools:start', request: toolServerIdSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  restartToolServer: call({ channel: 'tools:restart', request: toolServerIdSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  stopToolServer: call({ channel: 'tools:stop', request: toolServerIdSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  /** A tool switched off is never offered to the model. */
  setToolEnabled: call({ channel: 'tools:setToolEnabled', request: setToolEnabledSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  /** Undoes "Always allow": the tool's calls ask again. */
  revokeAlwaysAllow: call({ channel: 'tools:revokeAlwaysAllow', request: revokeAlwaysAllowSchema, response: returns<ToolServerView>(), changes: toolsChanged }),
  /** Adds the usable servers of a Claude desktop config (its JSON text); bad JSON adds nothing and says why. */
  importClaudeConfig: call({
    channel: 'tools:importClaudeConfig',
    request: importToolServersSchema,
    response: returns<ToolServerImportReport>(),
    changes: toolsChanged,
  }),
};
