/**
 * When a process writes a chat request to its socket: undici (the fetch Parley's main uses, and
 * Node's own, the SDK's) reports each request's headers as they are written, on a diagnostics
 * channel. That is the request leaving the process, with nothing of the server's side in it.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const CHANNEL = 'undici:client:sendHeaders';

/** Calls `onWritten` as each chat completion request's headers are written; returns how to stop. */
export function watchChatRequestsWritten(onWritten: () => void): () => void {
  const listener = (message: unknown) => {
    const { request } = message as { request: { method: string; path: string } };
    if (request.method === 'POST' && request.path.endsWith('/chat/completions')) onWritten();
  };
  subscribe(CHANNEL, listener);
  return () => void unsubscribe(CHANNEL, listener);
}
