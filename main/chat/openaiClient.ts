/**
 * Builds the `openai` SDK client for one endpoint, shared by the chat service and the model catalog;
 * the chat service keeps one per endpoint (`createClientCache`).
 */
import OpenAI, { type ClientOptions as SdkOptions } from 'openai';
import { setWithin } from '../../shared/boundedMap';
import { withOpenAIErrorBodies } from './errorBody';
import { keptAliveFetch } from './keptAliveFetch';

/** Where requests go and with which credentials; `project` is W&B's `team/project`, empty for none. */
export interface Endpoint {
  baseURL: string;
  apiKey: string | null;
  project: string;
  /** A local server (Ollama, LM Studio…) may need no key: then requests go without Authorization. Absent: a key is required (W&B). */
  keyOptional?: boolean;
}

/** The SDK insists on some key; this one never leaves the process, because the header it would fill is removed. */
const NO_KEY_PLACEHOLDER = 'no-key';

export interface ClientOptions {
  /** Milliseconds until the response headers must have arrived. */
  timeoutMs: number;
}

/** Where a request's options carry its watcher of arriving bytes to the client's fetch (the SDK passes `fetchOptions` on as they are). */
const ON_BYTES = Symbol('parley.onBytes');

type WatchedInit = RequestInit & { [ON_BYTES]?: () => void };

type FetchOptions = NonNullable<SdkOptions['fetchOptions']>;

/** Request options under which every arriving chunk of the response (headers or body) calls `onBytes`, for the stall watchdog. */
export function reportingBytesTo(onBytes: () => void): { fetchOptions: FetchOptions } {
  const fetchOptions: FetchOptions & { [ON_BYTES]: () => void } = { [ON_BYTES]: onBytes };
  return { fetchOptions };
}

export function createOpenAIClient(endpoint: Endpoint, { timeoutMs }: ClientOptions): OpenAI {
  const project = endpoint.project.trim() || null;
  const authorization = endpoint.apiKey ? `Bearer ${endpoint.apiKey}` : null;
  return new OpenAI({
    // Every option that the SDK would otherwise read from OPENAI_* environment variables is given
    // explicitly, so a developer's OpenAI settings never reach W&B (OPENAI_ADMIN_KEY would even
    // replace the Authorization header on admin routes).
    baseURL: endpoint.baseURL,
    apiKey: endpoint.apiKey ?? NO_KEY_PLACEHOLDER,
    adminAPIKey: null,
    organization: null,
    project,
    webhookSecret: null,
    // OPENAI_CUSTOM_HEADERS is merged below these, so ours win for the headers that matter.
    defaultHeaders: { Authorization: authorization, 'OpenAI-Organization': null, 'OpenAI-Project': project },
    // OPENAI_LOG=debug would print request details; keep the SDK at warnings.
    logLevel: 'warn',
    maxRetries: 0, // the chat service retries itself, only before the answer starts
    timeout: timeoutMs,
    dangerouslyAllowBrowser: false,
    fetch: withOpenAIErrorBodies(watchableFetch),
  });
}

/** Endpoints a chat service keeps a client for at most; past it the oldest is built again when next used. */
const CLIENTS_KEPT = 8;

/**
 * One client per endpoint, for every request to it. Building a client builds every resource of the
 * API (a few tenths of a millisecond, on each question's way out); the client holds no connection of
 * its own (the kept-alive pool is shared), so one serves every request. A changed key, URL or project
 * is another endpoint, with a client of its own.
 */
export function createClientCache({ timeoutMs }: ClientOptions): { clientFor(endpoint: Endpoint): OpenAI } {
  const clients = new Map<string, OpenAI>();
  return {
    clientFor(endpoint) {
      const key = JSON.stringify([endpoint.baseURL, endpoint.apiKey, endpoint.project, endpoint.keyOptional ?? false]);
      let client = clients.get(key);
      if (!client) {
        client = createOpenAIClient(endpoint, { timeoutMs });
        setWithin(clients, key, client, CLIENTS_KEPT);
      }
      return client;
    },
  };
}

/** Parley's fetch, reporting the response's chunks to a request's watcher when it has one (reportingBytesTo). */
async function watchableFetch(input: Parameters<typeof fetch>[0], init?: WatchedInit): Promise<Response> {
  const onBytes = init?.[ON_BYTES];
  const response = await keptAliveFetch(input, init);
  if (!onBytes) return response;
  onBytes();
  if (!response.body) return response;
  const tap = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      onBytes();
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(tap), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
