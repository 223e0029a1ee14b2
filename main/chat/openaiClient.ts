/**
 * Builds the `openai` SDK client for one endpoint, shared by the chat service and the model catalog.
 */
import OpenAI from 'openai';
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
  /** Called whenever response bytes arrive (headers or body), for the stall watchdog. */
  onBytes?: () => void;
}

export function createOpenAIClient(endpoint: Endpoint, { timeoutMs, onBytes }: ClientOptions): OpenAI {
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
    fetch: withOpenAIErrorBodies(onBytes ? tappedFetch(onBytes) : keptAliveFetch),
  });
}

/** A fetch that reports every arriving chunk of the response, so a silent stream can be told apart from a slow one. */
function tappedFetch(onBytes: () => void): typeof fetch {
  return async (input, init) => {
    const response = await keptAliveFetch(input, init);
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
  };
}
