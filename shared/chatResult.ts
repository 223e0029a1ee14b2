import type { AppError, ChatResult } from './ipc';

/** The result of a chat that failed before or while streaming, keeping what had arrived. */
export function failedResult(error: AppError, partial: Partial<ChatResult> = {}): ChatResult {
  return { content: '', reasoning: '', usage: null, finishReason: null, firstTokenMs: null, durationMs: 0, thinkingMs: null, ...partial, status: 'error', error };
}
