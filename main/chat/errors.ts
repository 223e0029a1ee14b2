/**
 * Turns whatever went wrong talking to the server into an AppError: a code the UI can act on and a
 * sentence a person understands, following W&B Inference's documented meanings of each status.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { AppError, ErrorCode } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import { redactSecrets } from '../logging/redact';

/** What the caller knows that the error itself may not: it makes the sentences specific. */
export interface ErrorContext {
  /** The model asked for; named in 404 messages. Omit for requests that are not about a model. */
  model?: string;
  /** The endpoint, to name the host when it cannot be reached. */
  baseURL?: string;
  /** Removed from every message, in case a server or library echoes it back. */
  apiKey?: string | null;
  /** The request timeout, to say how long we waited. */
  timeoutMs?: number;
}

/** No bytes arrived for `waitedMs`: raised by the chat service's watchdog. */
export class StreamStalledError extends Error {
  override readonly name = 'StreamStalledError';
  constructor(readonly waitedMs: number) {
    super(`no data for ${waitedMs} ms`);
  }
}

/** The stream ended before the answer was finished. */
export class StreamDroppedError extends Error {
  override readonly name = 'StreamDroppedError';
  constructor() {
    super('the stream ended before the answer was finished');
  }
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['rate-limit', 'server', 'overloaded', 'connection']);

/** Only failures that may pass by themselves: concurrency limits, server trouble and lost connections. */
export function isRetryable(error: AppError): boolean {
  return RETRYABLE.has(error.code);
}

/** How servers say a model takes no images: vLLM ("not a multimodal model", "at most 0 image(s)"), OpenAI ("image_url is only supported by certain models"). */
const IMAGE_INPUT_REFUSED = /image_url|multi-?modal|image input|at most 0 image|\bimages?\b.*\b(?:not supported|unsupported|not allowed)/i;
const IMAGE_REFUSED_MESSAGE = 'This model does not accept images. Remove the images and send again, or choose a model that reads images (marked Vision)';

const QUOTA_MESSAGE =
  'Your W&B Inference credits are used up, or the monthly spending limit is reached. Add credits or raise the limit in your W&B billing settings, then try again.';

export function toAppError(error: unknown, context: ErrorContext = {}): AppError {
  const appError = classify(error, context);
  return {
    ...appError,
    message: redactSecrets(appError.message, [context.apiKey]),
    ...(appError.param === undefined ? {} : { param: redactSecrets(appError.param, [context.apiKey]) }),
  };
}

function classify(error: unknown, context: ErrorContext): AppError {
  // Already written for the person (an endpoint that is not set up, a refused attachment).
  if (error instanceof AppFailure) return error.appError;
  if (error instanceof StreamStalledError) {
    return { code: 'timeout', message: `The server sent nothing for ${seconds(error.waitedMs)}, so Parley stopped waiting.` };
  }
  if (error instanceof StreamDroppedError || isTerminated(error)) {
    return { code: 'dropped', message: 'The connection closed before the answer was finished.' };
  }
  // Checked before APIConnectionError, which it extends.
  if (error instanceof APIConnectionTimeoutError) {
    const waited = context.timeoutMs === undefined ? '' : ` within ${seconds(context.timeoutMs)}`;
    return { code: 'timeout', message: `The server did not answer${waited}. Try again, or check the base URL in Settings.` };
  }
  if (error instanceof APIConnectionError) return connectionError(error, context);
  if (error instanceof APIError && error.status !== undefined) return statusError(error, error.status, context);
  if (error instanceof APIError) {
    // An `error` object inside the stream itself, with no HTTP status.
    return { code: 'server', message: `The server reported an error while answering: ${serverText(error) || 'no details given.'}` };
  }
  if (error instanceof SyntaxError) {
    // The SDK's JSON.parse of an SSE `data:` line.
    return { code: 'malformed', message: 'The server sent a reply that is not in the OpenAI format, so it could not be read.' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something unexpected went wrong: ${detail}` };
}

function statusError(error: APIError, status: number, context: ErrorContext): AppError {
  const text = serverText(error);
  switch (status) {
    case 401:
      return {
        code: 'auth',
        status,
        message:
          'The API key was not accepted, or it cannot use the team/project you set. Check both in Settings (some accounts need a team/project).',
      };
    case 402:
      return { code: 'quota', status, message: QUOTA_MESSAGE };
    case 403:
      return { code: 'forbidden', status, message: forbiddenMessage(text) };
    case 404:
      return {
        code: 'model-not-found',
        status,
        message:
          context.model === undefined
            ? 'The server has nothing at this address (404). Check the base URL in Settings.'
            : `The model "${context.model}" is no longer available: the server does not know it. It may have been retired, or the id is misspelled (ids are case-sensitive). Choose another model.`,
      };
    case 400:
    case 422: {
      const param = typeof error.param === 'string' && error.param ? error.param : undefined;
      const reason = text ? `: ${text}` : '.';
      if (IMAGE_INPUT_REFUSED.test(text)) return { code: 'bad-request', status, message: `${IMAGE_REFUSED_MESSAGE}${reason}` };
      return param
        ? { code: 'bad-request', status, param, message: `${context.model === undefined ? 'The model' : `The model ${context.model}`} refused the parameter ${param}${reason}` }
        : { code: 'bad-request', status, message: `The server refused the request${reason}` };
    }
    case 429:
      return tooManyRequests(status, text);
    case 503:
      return { code: 'overloaded', status, message: 'The service is overloaded right now. Try again in a moment.' };
  }
  if (status >= 500) {
    return { code: 'server', status, message: `The server had an error (${status}) while processing the request. Try again in a moment.` };
  }
  return { code: 'bad-request', status, message: `The server refused the request (${status})${text ? `: ${text}` : '.'}` };
}

/** W&B answers 429 both for "too many at once" (retry later) and, on older accounts, for quota (do not retry). */
function tooManyRequests(status: number, text: string): AppError {
  if (/quota|billing|credit/i.test(text)) return { code: 'quota', status, message: QUOTA_MESSAGE };
  if (/personal/i.test(text)) {
    return {
      code: 'forbidden',
      status,
      message: 'W&B Inference is not available for personal accounts. Set a team project (team/project) in Settings.',
    };
  }
  return {
    code: 'rate-limit',
    status,
    message: 'Too many requests are running at once for this project (concurrency limit). Wait a moment and try again.',
  };
}

function forbiddenMessage(text: string): string {
  if (/country|region|territor/i.test(text)) return 'W&B Inference is not available from your country or region.';
  if (/organi[sz]ation|gateway/i.test(text)) {
    return 'The inference gateway is not enabled for your organisation. Ask your W&B administrator to enable it.';
  }
  return `Access was refused: your account, organisation or location may not use this service.${text ? ` The server said: ${text}` : ''}`;
}

/**
 * A base URL that answers 404 for `/chat/completions` and does not list models either is not an
 * OpenAI-compatible server (a web page, another API, a path missing its `/v1`): saying "model
 * retired" there would send the person looking for another model instead of fixing the URL.
 */
export function notCompatibleError(baseURL: string): AppError {
  return {
    code: 'malformed',
    status: 404,
    message: `This endpoint does not look OpenAI-compatible: ${hostOf(baseURL) ?? baseURL} answers "not found" (404) both for chat and for the model list at ${baseURL}. Check the base URL in Settings (it usually ends in /v1).`,
  };
}

/** The server's own sentence, without the SDK's "<status> " prefix, ending in a full stop. */
export function serverText(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text =
    typeof body?.message === 'string'
      ? body.message.trim()
      : error.message.replace(/^\d{3}\s+/, '').replace(/status code \(no body\)/, '').trim();
  return !text || /[.!?]$/.test(text) ? text : `${text}.`;
}

function connectionError(error: APIConnectionError, context: ErrorContext): AppError {
  const host = hostOf(context.baseURL) ?? 'the server';
  const code = causeCode(error);
  let message = `Could not reach ${host}. Check your internet connection and the base URL in Settings.`;
  if (code === 'ECONNREFUSED') message = `${host} refused the connection. Check the base URL in Settings.`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') message = `Could not find ${host} (DNS lookup failed). Check the base URL and your internet connection.`;
  else if (code !== undefined && /CERT|TLS|SSL|SELF_SIGNED|VERIFY/.test(code)) {
    message = `The secure connection to ${host} failed (${code}). A proxy or firewall may be interfering.`;
  }
  return { code: 'connection', message };
}

/** The first system error code (ECONNREFUSED, ENOTFOUND, CERT_…) along the `cause` chain. */
function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') return code;
    // Node reports a failed happy-eyeballs connect as an AggregateError of per-address errors.
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return undefined;
}

/** undici's "terminated" TypeError: the socket closed while the body was being read. */
function isTerminated(error: unknown): boolean {
  return error instanceof TypeError && (error.message === 'terminated' || causeCode(error) === 'UND_ERR_SOCKET');
}

export function hostOf(baseURL: string | undefined): string | undefined {
  if (!baseURL) return undefined;
  try {
    return new URL(baseURL).host;
  } catch {
    return undefined;
  }
}

function seconds(ms: number): string {
  const value = Math.round(ms / 100) / 10;
  return `${value} ${value === 1 ? 'second' : 'seconds'}`;
}
