/**
 * The tools (MCP) part of the contract: MCP servers as the page sees them (never a secret value,
 * a hint at most), their tools, and the tool calls of an answer as they stream and as history keeps them.
 *
 * Main validates with the schemas; the page imports only the types.
 */
import { z } from 'zod';
import type { Attachment } from './contract';
import { httpUrl } from './httpUrlSchema';

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
