/**
 * Runtime schemas for exported data, shared by every importer: a file is data from outside,
 * so it is checked as strictly as an IPC payload before it reaches the store.
 */
import { z } from 'zod';
import type { ErrorCode, MessageStatus, ToolCallStatus } from '../../shared/ipc';
import type { ExportConversation, ExportMessage, ExportVersion, ModelParams } from './types';

/** Listed as a record so that a new code in the contract fails the build here until it is added. */
const ERROR_CODES: Record<ErrorCode, true> = {
  auth: true, quota: true, forbidden: true, 'model-not-found': true, 'bad-request': true, 'rate-limit': true,
  server: true, overloaded: true, connection: true, timeout: true, dropped: true, malformed: true, 'no-key': true,
  'insecure-storage': true, 'invalid-request': true, 'forbidden-sender': true, settings: true, 'disk-full': true,
  'history-damaged': true, 'read-only': true, 'endpoint-missing': true, internal: true,
};
const STATUSES: Record<MessageStatus, true> = { complete: true, streaming: true, stopped: true, error: true, interrupted: true };
const TOOL_CALL_STATUSES: Record<ToolCallStatus, true> = {
  'awaiting-approval': true, running: true, complete: true, error: true, denied: true, cancelled: true, 'not-run': true, interrupted: true,
};

const enumOf = <T extends string>(record: Record<T, true>) => z.enum(Object.keys(record) as [T, ...T[]]);

function isJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth > 100 || typeof value !== 'object') return false;
  return (Array.isArray(value) ? value : Object.values(value)).every((item) => isJson(item, depth + 1));
}

/** Checked in place rather than rebuilt as z.json() would: a rebuilt object loses a `__proto__` key. */
export const paramsSchema = z.custom<ModelParams>((value) => typeof value === 'object' && value !== null && !Array.isArray(value) && isJson(value, 0), 'expected a JSON object');

const usageSchema = z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() });

const appErrorSchema = z.object({
  code: enumOf(ERROR_CODES),
  message: z.string(),
  status: z.number().optional(),
  param: z.string().optional(),
});

/** See ExportAttachment: a stored file name, a link to the bytes, or both. */
export const exportAttachmentSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['image', 'text']),
  mimeType: z.string(),
  bytes: z.number().int().min(0),
  file: z.string().optional(),
  href: z.string().optional(),
});

/** A tool call of an answer, as history keeps it (see ToolCallRecord). */
export const exportToolCallSchema = z.object({
  id: z.string().min(1),
  round: z.number().int().min(0),
  contentOffset: z.number().int().min(0),
  serverId: z.string().nullable(),
  serverName: z.string(),
  tool: z.string(),
  arguments: z.string(),
  status: enumOf(TOOL_CALL_STATUSES),
  decision: z.enum(['once', 'always', 'remembered', 'deny']).nullable(),
  resultText: z.string().nullable(),
  // Images a tool returned, like attachments: a backup names stored files, a Markdown export links to the bytes.
  resultImages: z.array(exportAttachmentSchema).default([]),
  error: z.string().nullable(),
  startedAt: z.number(),
  durationMs: z.number().nullable(),
});

/** How a message ended and what it cost; `thinkingMs` is absent from files written before Parley kept it. */
const outcome = {
  finishReason: z.string().nullable(),
  firstTokenMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  thinkingMs: z.number().nullable().default(null),
  usage: usageSchema.nullable(),
  error: appErrorSchema.nullable(),
};

/** Everything about a message but its two texts. */
export const messageMetaSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  status: enumOf(STATUSES),
  model: z.string(),
  createdAt: z.number(),
  ...outcome,
  params: paramsSchema.optional(),
  attachments: z.array(exportAttachmentSchema).optional(),
  toolCalls: z.array(exportToolCallSchema).optional(),
});
export type MessageMeta = z.infer<typeof messageMetaSchema>;

/** A message's line in a Markdown export's details: the same, with the fields that are null left out. */
export const messageDetailsSchema = messageMetaSchema.extend({
  finishReason: outcome.finishReason.default(null),
  firstTokenMs: outcome.firstTokenMs.default(null),
  durationMs: outcome.durationMs.default(null),
  usage: outcome.usage.default(null),
  error: outcome.error.default(null),
  // Only a version's line has it (see ExportVersion).
  recency: z.number().int().min(0).optional(),
});
export type MessageDetails = z.infer<typeof messageDetailsSchema>;

const texts = { content: z.string(), reasoning: z.string() };

export const versionSchema: z.ZodType<ExportVersion> = messageMetaSchema.extend({
  ...texts,
  recency: messageDetailsSchema.shape.recency,
  // The branch below the version: messages with their own versions, to any depth.
  continuation: z.lazy(() => z.array(messageSchema)).optional(),
});

export const messageSchema: z.ZodType<ExportMessage> = messageMetaSchema.extend({ ...texts, versions: z.array(versionSchema).optional() });

export const conversationSchema: z.ZodType<ExportConversation> = z.object({
  id: z.string().min(1),
  title: z.string(),
  model: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  pinned: z.boolean(),
  systemPrompt: z.string(),
  endpoint: z.string(),
  params: paramsSchema,
  messages: z.array(messageSchema),
});

/** `messages.3.usage: expected number, received string` — one line per problem, at most a few. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => `${issue.path.length ? issue.path.join('.') : '(top)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`…and ${error.issues.length - limit} more`);
  return lines.join('; ');
}
