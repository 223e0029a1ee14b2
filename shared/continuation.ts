/**
 * "Continue": an answer that ended before the model was done asks the model to go on, and what
 * comes back is appended to the same answer. The request is the visible path with the partial
 * answer as its last, assistant, message: nothing is added that the person cannot see. Servers
 * that apply a chat template start a new assistant turn after it, and models pick up where its
 * text ends; no hidden "please continue" instruction is sent.
 */
import type { AppError, ChatResult, MessageStatus, Usage } from './ipc';
import { addUsage } from './usage';

/** Failures that cut an answer while it streamed: what arrived is good, the rest can be asked for. */
const CUT_CODES: ReadonlySet<AppError['code']> = new Set(['dropped', 'timeout', 'connection']);

/** The fields of a message that say whether it can be continued. */
export interface ContinuableFields {
  role: 'user' | 'assistant';
  status: MessageStatus;
  content: string;
  finishReason: string | null;
  error: AppError | null;
}

/**
 * True for an answer with text that stopped early: at the length limit (`finish_reason:
 * "length"`), stopped by the person, interrupted by Parley closing, or cut by the connection.
 */
export function isContinuable({ role, status, content, finishReason, error }: ContinuableFields): boolean {
  if (role !== 'assistant' || content === '') return false;
  switch (status) {
    case 'stopped':
    case 'interrupted':
      return true;
    case 'complete':
      return finishReason === 'length';
    case 'error':
      return error !== null && CUT_CODES.has(error.code);
    case 'streaming':
      return false;
  }
}

/** What a continued answer had before its continuation. */
export interface ContinuedFrom {
  content: string;
  reasoning: string;
  usage: Usage | null;
  firstTokenMs: number | null;
  durationMs: number | null;
  thinkingMs: number | null;
}

/**
 * The whole answer once a continuation ended: the text so far followed by the new text, and
 * the usage and time of both requests added (each was billed); it ends as the continuation did.
 */
export function continuedResult(earlier: ContinuedFrom, result: ChatResult): ChatResult {
  const sum = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  return {
    ...result,
    content: earlier.content + result.content,
    reasoning: earlier.reasoning + result.reasoning,
    usage: addUsage(earlier.usage, result.usage),
    firstTokenMs: earlier.firstTokenMs ?? result.firstTokenMs,
    durationMs: (earlier.durationMs ?? 0) + result.durationMs,
    thinkingMs: sum(earlier.thinkingMs, result.thinkingMs),
  };
}
