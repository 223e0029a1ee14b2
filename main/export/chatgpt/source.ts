/**
 * ChatGPT's `conversations.json` as it is, read loosely: a list of conversations, each a tree of
 * nodes (`mapping`, linked by `parent` and `children`) with `current_node` at the end of the
 * branch shown last. The shapes changed from 2023 to 2025 (multimodal parts, voice, thoughts,
 * tool calls, request-scoped hidden nodes); only what every version has is required here, and
 * everything else is read field by field where it is used.
 */
import { z } from 'zod';

const record = z.record(z.string(), z.unknown());

export const sourceMessageSchema = z.object({
  id: z.string(),
  author: z.object({ role: z.string(), name: z.string().nullish() }),
  create_time: z.number().nullish(),
  content: z.looseObject({ content_type: z.string() }),
  status: z.string().nullish(),
  recipient: z.string().nullish(),
  channel: z.string().nullish(),
  metadata: record.nullish(),
});
export type SourceMessage = z.infer<typeof sourceMessageSchema>;

const nodeSchema = z.object({
  message: sourceMessageSchema.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
});
export type SourceNode = z.infer<typeof nodeSchema>;

export const sourceConversationSchema = z.object({
  id: z.string().nullish(),
  conversation_id: z.string().nullish(),
  title: z.string().nullish(),
  create_time: z.number(),
  update_time: z.number().nullish(),
  mapping: z.record(z.string(), nodeSchema),
  current_node: z.string(),
  default_model_slug: z.string().nullish(),
});
export type SourceConversation = z.infer<typeof sourceConversationSchema>;

/** A field of a loosely typed object, if it has the given shape. */
export function field<T>(object: unknown, key: string, schema: z.ZodType<T>): T | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const parsed = schema.safeParse((object as Record<string, unknown>)[key]);
  return parsed.success ? parsed.data : undefined;
}

export const meta = <T>(m: SourceMessage, key: string, schema: z.ZodType<T>): T | undefined => field(m.metadata, key, schema);

export const isHidden = (m: SourceMessage): boolean => meta(m, 'is_visually_hidden_from_conversation', z.boolean()) === true;

/** Seconds since the epoch, as ChatGPT keeps times, to milliseconds. */
export const ms = (seconds: number): number => Math.round(seconds * 1000);
