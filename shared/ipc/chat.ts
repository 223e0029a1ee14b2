/**
 * The chat stream: not a request/answer call but a stream of events per request (a
 * MessagePort in Electron, tagged frames in web mode), so it has no table, only its schemas.
 */
import { z } from 'zod';
import { ATTACHMENT_LIMITS } from '../attachmentLimits';
import { PARAM_LIMITS, type ChatParams } from '../chatParams';
import { LIMITS } from '../limits';
import { attachmentSchema } from './attachments';
import { changed, type Change } from './changes';
import type { AppError } from './errors';
import { endpointIdSchema, idSchema } from './fields';
import { conversationToolServersSchema, toolApprovalSchema, type ToolApproval, type ToolCallRecord } from './tools';

/** The chat stream's own channel (one MessagePort per request in Electron). */
export const CHAT_CHANNEL = 'chat:start';

/** Chat parameters: only keys the person set, each in the range models accept. */
export const chatParamsSchema: z.ZodType<ChatParams> = z
  .object({
    temperature: z.number().min(PARAM_LIMITS.temperature.min).max(PARAM_LIMITS.temperature.max),
    topP: z.number().min(PARAM_LIMITS.topP.min).max(PARAM_LIMITS.topP.max),
    maxTokens: z.number().int().min(PARAM_LIMITS.maxTokens.min).max(PARAM_LIMITS.maxTokens.max),
    seed: z.number().int().min(PARAM_LIMITS.seed.min).max(PARAM_LIMITS.seed.max),
    stop: z.array(z.string().min(1).max(PARAM_LIMITS.stopChars)).max(PARAM_LIMITS.stopSequences),
    enableThinking: z.boolean(),
  })
  .partial()
  .strict();

export const chatMessageSchema = z
  .object({
    role: z.enum(['user', 'assistant']),
    content: z.string().max(LIMITS.messageChars),
    attachments: z.array(attachmentSchema).max(ATTACHMENT_LIMITS.files).optional(),
  })
  .strict();
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * Saves the turn in history: the last message as a new user message, a retry of a failed answer,
 * a regenerated answer (any answer shown: the new one is its sibling, shown in its place), an
 * edit of any question shown (sent as the last message; the new version is its sibling, the old
 * one keeps its branch), or a continuation of the last answer `answerId`
 * (sent as the last message, exactly as saved; the new text is appended to it, see shared/continuation.ts).
 */
export const chatHistorySchema = z
  .object({
    conversationId: idSchema,
    /** The id the answer's row gets (the renderer already shows it under this id); for `continue`, the answer continued. */
    answerId: idSchema,
    /**
     * Set while the page has not seen its conversation saved (its first turn): unless main holds it
     * by now, main creates it in the turn's own transaction, from this request's model, system
     * prompt, parameters, endpoint and tools, so the first message needs no call before it.
     */
    newConversation: z.literal(true).optional(),
    turn: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('new'), userMessageId: idSchema }).strict(),
      // `userMessageId`: the question before the failed answer, saved first when a failed save left it out.
      z.object({ kind: z.literal('retry'), replacesAnswerId: idSchema, userMessageId: idSchema.optional() }).strict(),
      z.object({ kind: z.literal('regenerate'), answerId: idSchema }).strict(),
      // `editedId`: the id the new version of the question gets (the page already shows it); absent, main names it.
      z.object({ kind: z.literal('edit'), userMessageId: idSchema, editedId: idSchema.optional() }).strict(),
      z.object({ kind: z.literal('continue') }).strict(),
    ]),
  })
  .strict();
export type ChatHistory = z.infer<typeof chatHistorySchema>;

export const chatRequestSchema = z
  .object({
    model: z.string().trim().min(1, 'choose a model').max(LIMITS.modelIdChars),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    messages: z.array(chatMessageSchema).min(1).max(LIMITS.messages),
    /** Absent for chats that are not kept (none yet); present, main commits the turn before sending. */
    history: chatHistorySchema.optional(),
    /** Only the parameters the person set; absent or empty: none are sent. */
    params: chatParamsSchema.optional(),
    /** Where to send it; absent: the conversation's endpoint, else the default one. */
    endpointId: endpointIdSchema.optional(),
    /** The MCP servers whose enabled tools the model may call (each call still asks first); absent or empty: none. */
    toolServers: conversationToolServersSchema.optional(),
  })
  .strict();
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** A kept chat changes its conversation as its turn is saved, and again as its answer ends. */
export const chatChanges = (request: ChatRequest): Change[] => {
  const ids = request.history ? [request.history.conversationId] : null;
  return ids ? [changed('conversations', ids), changed('messages', ids)] : [];
};

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type ChatStatus = 'complete' | 'stopped' | 'error';

export interface ChatResult {
  status: ChatStatus;
  content: string;
  reasoning: string;
  usage: Usage | null;
  finishReason: string | null;
  error: AppError | null;
  /** Milliseconds from sending to the first content or reasoning token; null when none arrived. */
  firstTokenMs: number | null;
  durationMs: number;
  /** Milliseconds from the first reasoning token to the first answer token (or the end); null when the model did not reason. */
  thinkingMs: number | null;
}

/**
 * Events of one `chat()` stream. Every stream ends with exactly one `done`. `unsaved`: main could
 * not save the answer (a full disk); it keeps the text in memory and saves it when it can.
 */
export type ChatEvent =
  /** `thinkingMs` comes with the first answer text after reasoning: how long the model thought. */
  | { type: 'delta'; content?: string; reasoning?: string; thinkingMs?: number }
  | { type: 'unsaved'; error: AppError }
  | { type: 'usage'; usage: Usage }
  | { type: 'retrying'; attempt: number; of: number; reason: AppError }
  /** A tool call, sent again at every change; `awaiting-approval` asks the page for an answer (`ChatStream.answerToolCall`). */
  | { type: 'tool-call'; call: ToolCallRecord }
  /** The answer goes on without tools: the model has none (`model`, from the catalogue) or the server refused them (`refused`). */
  | { type: 'tools-unavailable'; reason: 'model' | 'refused'; message: string }
  /** A selected server could not start; the answer goes on with the others' tools. */
  | { type: 'tool-server-failed'; serverId: string; serverName: string; reason: string }
  | { type: 'done'; result: ChatResult };

/** Messages on a chat stream from renderer to main: Stop, and the answer to "Allow tool call". */
export type ChatControl = { type: 'cancel' } | { type: 'tool-approval'; callId: string; decision: ToolApproval };
/** Main checks every control message: the page's answer to an approval is input like any other. */
export const chatControlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cancel') }).strict(),
  z.object({ type: z.literal('tool-approval'), callId: idSchema, decision: toolApprovalSchema }).strict(),
]);
