/**
 * Streams one chat answer from an OpenAI-compatible endpoint and reports it as ChatEvents.
 *
 * Every call ends with exactly one `done` event carrying the ChatResult, also when stopped or failed;
 * the partial answer is always kept. Retries happen only before any of the answer has arrived, and
 * only for failures that may pass by themselves (see `isRetryable`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type OpenAI from 'openai';
import type { AppError, ChatEvent, ChatRequest, ChatResult, ChatStatus, Usage } from '../../shared/ipc';
import { isRetryable, notCompatibleError, StreamDroppedError, StreamStalledError, toAppError } from './errors';
import { listsModels } from './modelListProbe';
import type { ErrorContext } from './errors';
import { createOpenAIClient } from './openaiClient';
import { requestParamFields } from './requestParams';
import { systemPromptForSend } from './systemPrompt';
import type { Endpoint } from './openaiClient';
import { createStreamWatchdog } from './streamWatchdog';
import { createThinkTagSplitter } from './thinkTagSplitter';
import { AppFailure } from '../appFailure';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import { toModelMessages } from '../attachments/modelMessages';
import type { SplitText } from './thinkTagSplitter';

export interface ChatServiceDeps {
  /** The endpoint by id; absent: the default one. */
  getEndpoint(endpointId?: string): Promise<Endpoint>;
  /** Give up when no bytes arrive for this long, before or during the stream. Default 60 s. */
  stallTimeoutMs?: number;
  /** Give up when the response headers take longer than this. Default: `stallTimeoutMs`. */
  connectTimeoutMs?: number;
  /** `attempts` is the number of retries after the first try; delays grow as baseDelayMs × 2^n. Default 2, 750 ms. */
  retry?: { attempts: number; baseDelayMs: number };
  now?: () => number;
  /** Where attached files are read from; without it, a message with attachments is refused. */
  attachments?: Pick<AttachmentFiles, 'read'>;
}

export interface ChatService {
  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal): Promise<ChatResult>;
}

type AttemptOutcome = { status: 'complete' | 'stopped' } | { status: 'error'; error: AppError; answerStarted: boolean };

const NO_KEY: AppError = { code: 'no-key', message: 'No API key is saved. Add your W&B API key in Settings.' };

export function createChatService(deps: ChatServiceDeps): ChatService {
  const stallTimeoutMs = deps.stallTimeoutMs ?? 60_000;
  const connectTimeoutMs = deps.connectTimeoutMs ?? stallTimeoutMs;
  const retry = deps.retry ?? { attempts: 2, baseDelayMs: 750 };
  const now = deps.now ?? Date.now;

  async function chat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal): Promise<ChatResult> {
    const startedAt = now();
    const answer = {
      content: '',
      reasoning: '',
      usage: null as Usage | null,
      finishReason: null as string | null,
      firstTokenMs: null as number | null,
      thinkingMs: null as number | null,
    };
    /** When the first reasoning arrived; thinking ends with the first answer text, or with the stream. */
    let thoughtFrom: number | null = null;
    let messages: OpenAI.Chat.ChatCompletionMessageParam[] = [];

    function finish(status: ChatStatus, error: AppError | null): ChatResult {
      if (thoughtFrom !== null) answer.thinkingMs ??= now() - thoughtFrom;
      const result: ChatResult = { status, ...answer, error, durationMs: now() - startedAt };
      onEvent({ type: 'done', result });
      return result;
    }

    function emitDelta({ content, reasoning }: SplitText): void {
      if (!content && !reasoning) return;
      const at = now();
      answer.firstTokenMs ??= at - startedAt;
      if (reasoning) thoughtFrom ??= at;
      const thinkingEnds = content !== '' && thoughtFrom !== null && answer.thinkingMs === null;
      if (thinkingEnds) answer.thinkingMs = at - (thoughtFrom ?? at);
      answer.content += content;
      answer.reasoning += reasoning;
      onEvent({
        type: 'delta',
        ...(content ? { content } : {}),
        ...(reasoning ? { reasoning } : {}),
        ...(thinkingEnds && answer.thinkingMs !== null ? { thinkingMs: answer.thinkingMs } : {}),
      });
    }

    async function attempt(endpoint: Endpoint, context: ErrorContext): Promise<AttemptOutcome> {
      const watchdog = createStreamWatchdog(stallTimeoutMs);
      const client = createOpenAIClient(endpoint, { timeoutMs: connectTimeoutMs, onBytes: watchdog.touch });
      const splitter = createThinkTagSplitter();
      let answerStarted = false;
      try {
        const stream = await client.chat.completions.create(
          { model: request.model, messages, ...requestParamFields(request.params), stream: true, stream_options: { include_usage: true } },
          { signal: AbortSignal.any([signal, watchdog.signal]) },
        );
        // The SDK ends this loop quietly when the signal aborts, so the reason is checked afterwards.
        for await (const chunk of stream) {
          answerStarted = true;
          if (chunk.usage) {
            answer.usage = toUsage(chunk.usage);
            onEvent({ type: 'usage', usage: answer.usage });
          }
          const choice = chunk.choices[0];
          if (!choice) continue;
          const delta = choice.delta as Record<string, unknown>;
          const split = splitter.push(textField(delta, 'content'));
          // Servers name it `reasoning` (newer) or `reasoning_content` (older); some send both, identical.
          const reasoning = textField(delta, 'reasoning') || textField(delta, 'reasoning_content');
          emitDelta({ content: split.content, reasoning: reasoning + split.reasoning });
          if (choice.finish_reason) answer.finishReason = choice.finish_reason;
        }
        if (answer.finishReason !== null) return { status: 'complete' };
        if (signal.aborted) return { status: 'stopped' };
        throw watchdog.stalled ? new StreamStalledError(stallTimeoutMs) : new StreamDroppedError();
      } catch (error) {
        if (signal.aborted) return { status: 'stopped' };
        // A stall shows up as an abort (before headers) or as a quiet end; name the real reason.
        const cause = watchdog.stalled ? new StreamStalledError(stallTimeoutMs) : error;
        return { status: 'error', error: toAppError(cause, context), answerStarted };
      } finally {
        watchdog.stop();
        emitDelta(splitter.flush());
      }
    }

    let apiKey: string | null = null;
    async function run(): Promise<{ status: ChatStatus; error: AppError | null }> {
      const endpoint = await deps.getEndpoint(request.endpointId);
      apiKey = endpoint.apiKey;
      if (!apiKey && !endpoint.keyOptional) return { status: 'error', error: NO_KEY };
      const context: ErrorContext = { model: request.model, baseURL: endpoint.baseURL, apiKey, timeoutMs: connectTimeoutMs };
      try {
        messages = await toModelMessages(systemPromptForSend(request.systemPrompt, request.model, startedAt), request.messages, deps.attachments);
      } catch (error) {
        if (error instanceof AppFailure) return { status: 'error', error: error.appError };
        throw error;
      }

      for (let retriesDone = 0; ; retriesDone++) {
        const outcome = await attempt(endpoint, context);
        if (outcome.status !== 'error') return { status: outcome.status, error: null };
        const { error, answerStarted } = outcome;
        // 404: an unknown model, unless the endpoint does not even list models.
        if (error.code === 'model-not-found' && !(await listsModels(endpoint, connectTimeoutMs))) return { status: 'error', error: notCompatibleError(endpoint.baseURL) };
        if (answerStarted || !isRetryable(error) || retriesDone >= retry.attempts) return { status: 'error', error };

        onEvent({ type: 'retrying', attempt: retriesDone + 1, of: retry.attempts, reason: error });
        try {
          await sleep(retry.baseDelayMs * 2 ** retriesDone, undefined, { signal });
        } catch {
          return { status: 'stopped', error: null };
        }
      }
    }

    // `done` is sent from one place only, whatever happened.
    const { status, error } = await run().catch((failure: unknown) => ({
      status: 'error' as const,
      error: toAppError(failure, { apiKey }),
    }));
    return finish(status, error);
  }

  return { chat };
}

function textField(delta: Record<string, unknown>, name: string): string {
  const value = delta[name];
  return typeof value === 'string' ? value : '';
}

function toUsage(usage: OpenAI.CompletionUsage): Usage {
  return {
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    totalTokens: usage.total_tokens ?? 0,
  };
}
