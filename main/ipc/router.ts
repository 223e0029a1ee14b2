/**
 * The one place where requests from the page meet main's services, whatever carried
 * them (Electron IPC or the web-mode bridge). Every payload is validated against the
 * contract's schema first; anything that fails never reaches a service.
 */
import { failedResult } from '../../preload/chatResult';
import {
  CHANNELS,
  chatRequestSchema,
  requestSchemas,
  type AppError,
  type Channel,
  type ChatEvent,
  type ChatRequest,
  type ChatResult,
  type Envelope,
  type RequestOf,
  type ResponseOf,
} from '../../preload/contract';
import { AppFailure } from '../appFailure';

export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

export interface RouterDeps {
  handlers: Handlers;
  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal): Promise<ChatResult>;
  /** Where unexpected failures are reported; never given payloads, which may hold the key. */
  reportError?: (where: string, error: unknown) => void;
  /** A sentence for failures that are not bugs (a full disk, a damaged file); null for the others. */
  describeError?: (error: unknown) => AppError | null;
}

export interface Router {
  invoke(channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
  /** Starts a chat stream; every stream ends with one `done` event, also for invalid requests. */
  startChat(payload: unknown, onEvent: (event: ChatEvent) => void): { cancel(): void };
}

const isChannel = (value: unknown): value is Channel => typeof value === 'string' && (CHANNELS as string[]).includes(value);

function invalid(message: string): AppError {
  return { code: 'invalid-request', message: `Parley refused a malformed request: ${message}` };
}

/** Zod's first issue, as a path and a reason; never the rejected value itself. */
function describeIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid payload';
  const where = first.path.map(String).join('.');
  return where ? `${where}: ${first.message}` : first.message;
}

export function createRouter(deps: RouterDeps): Router {
  const report = deps.reportError ?? ((where, error) => console.error(`[parley] ${where} failed:`, error instanceof Error ? error.message : error));

  function toAppError(where: string, error: unknown): AppError {
    if (error instanceof AppFailure) return error.appError;
    report(where, error);
    return deps.describeError?.(error) ?? { code: 'internal', message: 'Something went wrong inside Parley. Your data is safe; please try again.' };
  }

  return {
    async invoke(channel, payload) {
      if (!isChannel(channel)) return { ok: false, error: invalid('unknown request') };
      const parsed = requestSchemas[channel].safeParse(payload);
      if (!parsed.success) return { ok: false, error: invalid(describeIssue(parsed.error.issues)) };
      try {
        const handler = deps.handlers[channel] as (request: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        return { ok: false, error: toAppError(channel, error) };
      }
    },

    startChat(payload, onEvent) {
      const parsed = chatRequestSchema.safeParse(payload);
      if (!parsed.success) {
        onEvent({ type: 'done', result: failedResult(invalid(describeIssue(parsed.error.issues))) });
        return { cancel: () => undefined };
      }
      const controller = new AbortController();
      deps.chat(parsed.data, onEvent, controller.signal).catch((error: unknown) => {
        onEvent({ type: 'done', result: failedResult(toAppError('chat', error)) });
      });
      return { cancel: () => controller.abort() };
    },
  };
}
