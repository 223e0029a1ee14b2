/**
 * Streams one chat answer from an OpenAI-compatible endpoint and reports it as ChatEvents.
 *
 * Every call ends with exactly one `done` event carrying the ChatResult, also when stopped or failed;
 * the partial answer is always kept. Retries happen only before any of the answer has arrived, and
 * only for failures that may pass by themselves (see `isRetryable`).
 *
 * With tools, one answer is several requests: each round streams text and tool calls, the calls run
 * (each asked for first, see toolCallRunner.ts) and their results go back as `tool` messages, until
 * the model answers without calling anything. Text of all rounds is one answer.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type OpenAI from 'openai';
import { MAX_TOOL_ROUNDS, type AppError, type ChatEvent, type ChatRequest, type ChatResult, type ChatStatus, type Usage } from '../../shared/ipc';
import { addUsage } from '../../shared/usage';
import { isRetryable, notCompatibleError, StreamDroppedError, StreamStalledError, toAppError } from './errors';
import { listsModels } from './modelListProbe';
import type { ErrorContext } from './errors';
import { createClientCache, reportingBytesTo } from './openaiClient';
import { requestParamFields } from './requestParams';
import { systemPromptForSend } from './systemPrompt';
import type { Endpoint } from './openaiClient';
import { createStreamWatchdog } from './streamWatchdog';
import { createThinkTagSplitter } from './thinkTagSplitter';
import { AppFailure } from '../appFailure';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import { toModelMessages } from '../attachments/modelMessages';
import type { SplitText } from './thinkTagSplitter';
import type { ChatTools, ToolSet } from './chatTools';
import { NO_APPROVALS, type ToolApprovals } from './toolApprovals';
import { createToolCallCollector, type StreamedToolCall } from './toolCallDeltas';
import { runToolCall } from './toolCallRunner';

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
  /** MCP tools; without them a request's `toolServers` are ignored. */
  tools?: ChatTools;
}

export interface ChatService {
  /** `approvals` answers "Allow tool call" for this stream; without it every tool call is refused. */
  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal, approvals?: ToolApprovals): Promise<ChatResult>;
}

type AttemptOutcome = { status: 'complete' | 'stopped'; toolCalls: StreamedToolCall[] } | { status: 'error'; error: AppError; answerStarted: boolean };

/** How a round's request offers the tools: not at all, normally, or with the model told to answer now. */
type ToolOffer = { tools: ToolSet; choice: 'auto' | 'none' } | null;

const NO_TOOLS_MESSAGE = (model: string) => `${model} cannot use tools, so this answer was written without them.`;

const NO_KEY: AppError = { code: 'no-key', message: 'No API key is saved. Add your W&B API key in Settings.' };

export function createChatService(deps: ChatServiceDeps): ChatService {
  const stallTimeoutMs = deps.stallTimeoutMs ?? 60_000;
  const connectTimeoutMs = deps.connectTimeoutMs ?? stallTimeoutMs;
  const retry = deps.retry ?? { attempts: 2, baseDelayMs: 750 };
  const now = deps.now ?? Date.now;
  const clients = createClientCache({ timeoutMs: connectTimeoutMs });

  async function chat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal, approvals = NO_APPROVALS): Promise<ChatResult> {
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
    /** Usage of the rounds before the current one: an answer's usage is all of its requests'. */
    let earlierUsage: Usage | null = null;

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

    async function attempt(endpoint: Endpoint, context: ErrorContext, offer: ToolOffer): Promise<AttemptOutcome> {
      const watchdog = createStreamWatchdog(stallTimeoutMs);
      const client = clients.clientFor(endpoint);
      const splitter = createThinkTagSplitter();
      const toolCalls = createToolCallCollector();
      let answerStarted = false;
      answer.finishReason = null;
      try {
        const stream = await client.chat.completions.create(
          {
            model: request.model,
            messages,
            ...requestParamFields(request.params),
            ...(offer ? { tools: offer.tools.definitions, tool_choice: offer.choice } : {}),
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal: AbortSignal.any([signal, watchdog.signal]), ...reportingBytesTo(watchdog.touch) },
        );
        // The SDK ends this loop quietly when the signal aborts, so the reason is checked afterwards.
        for await (const chunk of stream) {
          answerStarted = true;
          if (chunk.usage) {
            answer.usage = addUsage(earlierUsage, toUsage(chunk.usage));
            onEvent({ type: 'usage', usage: answer.usage });
          }
          const choice = chunk.choices[0];
          if (!choice) continue;
          const delta = choice.delta as Record<string, unknown>;
          const split = splitter.push(textField(delta, 'content'));
          // Servers name it `reasoning` (newer) or `reasoning_content` (older); some send both, identical.
          const reasoning = textField(delta, 'reasoning') || textField(delta, 'reasoning_content');
          emitDelta({ content: split.content, reasoning: reasoning + split.reasoning });
          toolCalls.push(delta.tool_calls);
          if (choice.finish_reason) answer.finishReason = choice.finish_reason;
        }
        if (answer.finishReason !== null) return { status: 'complete', toolCalls: toolCalls.calls() };
        if (signal.aborted) return { status: 'stopped', toolCalls: [] };
        throw watchdog.stalled ? new StreamStalledError(stallTimeoutMs) : new StreamDroppedError();
      } catch (error) {
        if (signal.aborted) return { status: 'stopped', toolCalls: [] };
        // A stall shows up as an abort (before headers) or as a quiet end; name the real reason.
        const cause = watchdog.stalled ? new StreamStalledError(stallTimeoutMs) : error;
        return { status: 'error', error: toAppError(cause, context), answerStarted };
      } finally {
        watchdog.stop();
        emitDelta(splitter.flush());
      }
    }

    /** One request of the answer, retried while nothing of it has arrived. */
    async function requestRound(endpoint: Endpoint, context: ErrorContext, offer: ToolOffer): Promise<AttemptOutcome> {
      for (let retriesDone = 0; ; retriesDone++) {
        const outcome = await attempt(endpoint, context, offer);
        if (outcome.status !== 'error') return outcome;
        const { error, answerStarted } = outcome;
        // 404: an unknown model, unless the endpoint does not even list models.
        if (error.code === 'model-not-found' && !(await listsModels(endpoint, connectTimeoutMs))) return { ...outcome, error: notCompatibleError(endpoint.baseURL) };
        if (answerStarted || !isRetryable(error) || retriesDone >= retry.attempts) return outcome;

        onEvent({ type: 'retrying', attempt: retriesDone + 1, of: retry.attempts, reason: error });
        try {
          await sleep(retry.baseDelayMs * 2 ** retriesDone, undefined, { signal });
        } catch {
          return { status: 'stopped', toolCalls: [] };
        }
      }
    }

    /** The selected servers' tools, unless the model is known to have none (then the page is told). */
    async function prepareTools(): Promise<ToolSet | null> {
      const serverIds = request.toolServers ?? [];
      if (!deps.tools || serverIds.length === 0) return null;
      if ((await deps.tools.supportsTools(request.endpointId, request.model)) === false) {
        onEvent({ type: 'tools-unavailable', reason: 'model', message: NO_TOOLS_MESSAGE(request.model) });
        return null;
      }
      const tools = await deps.tools.prepare(serverIds, signal);
      for (const failed of tools.failedServers) onEvent({ type: 'tool-server-failed', ...failed });
      return tools.definitions.length > 0 ? tools : null;
    }

    /** Runs a round's calls one after another (each may ask the person) and adds the exchange to the messages. */
    async function runRound(calls: StreamedToolCall[], tools: ToolSet, round: number, roundText: string): Promise<void> {
      messages.push({
        role: 'assistant',
        content: roundText || null,
        tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
      });
      const place = { round, contentOffset: answer.content.length, overLimit: round > MAX_TOOL_ROUNDS };
      for (const call of calls) {
        const content = await runToolCall(call, place, { tools, approvals, onEvent, signal, now });
        messages.push({ role: 'tool', tool_call_id: call.id, content });
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

      let tools = await prepareTools();
      for (let round = 1; ; round++) {
        const roundStart = answer.content.length;
        // Past the limit the model is told to answer; calls it makes anyway are refused and the answer ends.
        const offer: ToolOffer = tools ? { tools, choice: round > MAX_TOOL_ROUNDS + 1 ? 'none' : 'auto' } : null;
        let outcome = await requestRound(endpoint, context, offer);
        if (outcome.status === 'error' && offer && round === 1 && !outcome.answerStarted && refusesTools(outcome.error)) {
          // A model or server that takes no `tools` answers 400/422: the chat goes on without them. Only
          // when the same request without them goes through were the tools the reason.
          outcome = await requestRound(endpoint, context, null);
          if (outcome.status !== 'error') {
            deps.tools?.markRefused(request.endpointId, request.model);
            onEvent({ type: 'tools-unavailable', reason: 'refused', message: NO_TOOLS_MESSAGE(request.model) });
            tools = null;
          }
        }
        if (outcome.status === 'error') return { status: 'error', error: outcome.error };
        if (outcome.status === 'stopped') return { status: 'stopped', error: null };
        if (!tools || outcome.toolCalls.length === 0) return { status: 'complete', error: null };
        earlierUsage = answer.usage;
        await runRound(outcome.toolCalls, tools, round, answer.content.slice(roundStart));
        if (signal.aborted) return { status: 'stopped', error: null };
        if (offer?.choice === 'none') return { status: 'complete', error: null };
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

/** 400 and 422 are how OpenAI-compatible servers refuse a field they do not take. */
function refusesTools(error: AppError): boolean {
  return error.status === 400 || error.status === 422;
}

function toUsage(usage: OpenAI.CompletionUsage): Usage {
  return {
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    totalTokens: usage.total_tokens ?? 0,
  };
}
