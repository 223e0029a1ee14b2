/** The Compare table: "Use this answer" keeps one of the compared answers as the next turn. */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { call, returns } from './call';
import { changed } from './changes';
import type { ErrorCode } from './errors';
import { endpointIdSchema, idSchema } from './fields';
import type { StoredConversation } from './history';

/** One answer of a Compare run, as the window saw it end (Compare's requests carry no `history`). */
const comparedAnswerSchema = z
  .object({
    id: idSchema,
    model: z.string().trim().min(1).max(LIMITS.modelIdChars),
    content: z.string().max(LIMITS.messageChars),
    reasoning: z.string().max(LIMITS.messageChars),
    status: z.enum(['complete', 'stopped', 'error']),
    error: z
      .object({
        // The renderer got this error from main; only its shape is checked here.
        code: z.custom<ErrorCode>((value) => typeof value === 'string' && /^[a-z-]{1,40}$/.test(value), 'must be an error code'),
        message: z.string().max(2_000),
        status: z.number().int().min(100).max(599).optional(),
        param: z.string().max(200).optional(),
      })
      .strict()
      .nullable(),
    usage: z
      .object({ promptTokens: z.number().int().min(0), completionTokens: z.number().int().min(0), totalTokens: z.number().int().min(0) })
      .strict()
      .nullable(),
    finishReason: z.string().max(100).nullable(),
    firstTokenMs: z.number().min(0).nullable(),
    durationMs: z.number().min(0),
    thinkingMs: z.number().min(0).nullable(),
  })
  .strict();
export type ComparedAnswer = z.infer<typeof comparedAnswerSchema>;

/**
 * "Use this answer" in Compare: the prompt and the chosen answer become the conversation's next
 * turn (created with it when `newConversation`), the other answers its earlier versions, in order.
 */
export const saveComparisonSchema = z
  .object({
    conversationId: idSchema,
    newConversation: z.boolean(),
    /** Where the answers came from, kept by a new conversation; absent: the default endpoint. */
    endpointId: endpointIdSchema.optional(),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    question: z.object({ id: idSchema, content: z.string().trim().min(1, 'the prompt is empty').max(LIMITS.messageChars) }).strict(),
    chosen: comparedAnswerSchema,
    others: z.array(comparedAnswerSchema).max(3),
  })
  .strict()
  .refine((comparison) => new Set([comparison.chosen, ...comparison.others].map((answer) => answer.id)).size === comparison.others.length + 1, 'each answer needs its own id');
export type SaveComparison = z.infer<typeof saveComparisonSchema>;

export const compareCalls = {
  /** Saved in one transaction; answers the conversation as saved. */
  saveComparison: call({
    channel: 'history:saveComparison',
    request: saveComparisonSchema,
    response: returns<StoredConversation>(),
    changes: ({ conversationId }) => [changed('conversations', [conversationId]), changed('messages', [conversationId])],
  }),
};
