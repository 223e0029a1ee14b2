/**
 * The one place where requests from the page meet main's services, whatever carried
 * them (Electron IPC, the web-mode bridge, the component tests' fake). Every payload is
 * validated against its table's schema first; anything that fails never reaches a service.
 * After a call succeeds, the changes its table entry declares are announced to `onChange`.
 */
import { failedResult } from '../../shared/chatResult';
import {
  CALL_BY_CHANNEL,
  CHANNELS,
  chatChanges,
  chatControlSchema,
  chatRequestSchema,
  type AppError,
  type Change,
  type Channel,
  type ChatEvent,
  type ChatRequest,
  type ChatResult,
  type Envelope,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import { createToolApprovals, type ToolApprovals } from '../chat/toolApprovals';

/** A service method per channel, registered by name in main/services.ts. */
export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

export interface RouterDeps {
  handlers: Handlers;
  /** `onSaved`: called once a kept chat's turn is committed. */
  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal, approvals: ToolApprovals, onSaved: () => void): Promise<ChatResult>;
  /** Where unexpected failures are reported; never given payloads, which may hold the key. */
  reportError?: (where: string, error: unknown) => void;
  /** A sentence for failures that are not bugs (a full disk, a damaged file); null for the others. */
  describeError?: (error: unknown) => AppError | null;
  /**
   * Changes no call makes (a tool server that crashed or finished starting for a chat): given
   * the announcer once, so they reach the window like a call's.
   */
  watch?: (announce: (change: Change) => void) => void;
}

export interface Router {
  invoke(channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
  /** Starts a chat stream; every stream ends with one `done` event, also for invalid requests. */
  startChat(payload: unknown, onEvent: (event: ChatEvent) => void): ChatStreamControl;
  /** Hears every change a call or a kept chat made; returns the unsubscribe. */
  onChange(listener: (change: Change) => void): () => void;
  /** Resolves once every call and chat under way has ended, so closing the database after it cuts none short. */
  settled(): Promise<void>;
}

export interface ChatStreamControl {
  cancel(): void;
  /** A control message from the page (Stop, an answer to "Allow tool call"); anything malformed is dropped. */
  control(message: unknown): void;
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
  const listeners = new Set<(change: Change) => void>();
  /** Watched changes not announced yet, by their JSON; a call announcing the same change first makes them moot. */
  const watched = new Map<string, Change>();
  const announce = (changes: readonly Change[]) => {
    for (const change of changes) {
      watched.delete(JSON.stringify(change));
      for (const listener of listeners) listener(change);
    }
  };
  // A call's own work also moves what is watched (Stop stops the server): its one change says it all.
  deps.watch?.((change) => {
    if (watched.size === 0) {
      setTimeout(() => {
        const queued = [...watched.values()];
        watched.clear();
        announce(queued);
      }, 0);
    }
    watched.set(JSON.stringify(change), change);
  });

  const underWay = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    underWay.add(work);
    void work.finally(() => underWay.delete(work)).catch(() => undefined);
    return work;
  };

  function toAppError(where: string, error: unknown): AppError {
    if (error instanceof AppFailure) return error.appError;
    report(where, error);
    return deps.describeError?.(error) ?? { code: 'internal', message: 'Something went wrong inside Parley. Your data is safe; please try again.' };
  }

  return {
    async invoke(channel, payload) {
      if (!isChannel(channel)) return { ok: false, error: invalid('unknown request') };
      const spec = CALL_BY_CHANNEL[channel];
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) return { ok: false, error: invalid(describeIssue(parsed.error.issues)) };
      let value: unknown;
      try {
        const handler = deps.handlers[channel] as (request: unknown) => unknown;
        value = await track(Promise.resolve(handler(parsed.data)));
      } catch (error) {
        return { ok: false, error: toAppError(channel, error) };
      }
      announce(spec.changes?.(parsed.data, value) ?? []);
      return { ok: true, value };
    },

    startChat(payload, onEvent) {
      const parsed = chatRequestSchema.safeParse(payload);
      if (!parsed.success) {
        onEvent({ type: 'done', result: failedResult(invalid(describeIssue(parsed.error.issues))) });
        return { cancel: () => undefined, control: () => undefined };
      }
      const controller = new AbortController();
      const approvals = createToolApprovals();
      const changes = chatChanges(parsed.data);
      void track(
        deps
          .chat(
            parsed.data,
            (event) => {
              onEvent(event);
              // The answer's row is final before `done` is sent.
              if (event.type === 'done') announce(changes);
            },
            controller.signal,
            approvals,
            // The turn's commit changes the conversation (a new one appears in the list).
            () => announce(changes),
          )
          .catch((error: unknown) => {
            onEvent({ type: 'done', result: failedResult(toAppError('chat', error)) });
          }),
      );
      return {
        cancel: () => controller.abort(),
        control(message) {
          const control = chatControlSchema.safeParse(message);
          if (!control.success) return;
          if (control.data.type === 'cancel') controller.abort();
          else approvals.answer(control.data.callId, control.data.decision);
        },
      };
    },

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async settled() {
      while (underWay.size > 0) await Promise.allSettled([...underWay]);
    },
  };
}
