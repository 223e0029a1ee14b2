/** Every failure the user can meet, as a code the UI can act on plus a sentence a person understands. */
export type ErrorCode =
  | 'auth' // 401: wrong key or wrong team/project
  | 'quota' // 402, or a 429 about quota: out of credits, never retried
  | 'forbidden' // 403: region or organisation
  | 'model-not-found' // 404: unknown or retired model
  | 'bad-request' // 400/422: a parameter the model refuses
  | 'rate-limit' // 429: concurrency limit
  | 'server' // 500 and other 5xx
  | 'overloaded' // 503
  | 'connection' // refused, DNS, TLS
  | 'timeout' // no bytes for too long
  | 'dropped' // stream ended mid-answer
  | 'malformed' // the server sent something that is not the OpenAI format
  | 'no-key' // no API key stored
  | 'insecure-storage' // no keyring: the user must agree before the key is stored
  | 'invalid-request' // payload rejected by the contract
  | 'forbidden-sender' // IPC from a frame that is not the app's own
  | 'settings' // settings could not be read or written
  | 'disk-full' // a save failed for lack of disk space
  | 'history-damaged' // the history file is damaged where this was stored
  | 'read-only' // the data folder cannot be written: history is open read-only
  | 'endpoint-missing' // the conversation's endpoint is not set up (removed, or from a backup)
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** HTTP status when the server answered. */
  status?: number;
  /** The request parameter the server named, for 400/422. */
  param?: string;
}

/** How answers cross the transport: never a thrown Electron error with its stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };
