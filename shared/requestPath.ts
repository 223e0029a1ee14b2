/**
 * Which messages of a path go into a chat request, and as what: the page builds a request from
 * what it shows, main from the visible path it stores (a branching turn), by the same rule.
 */
import type { Attachment, ChatMessage, MessageStatus } from './ipc';

export interface PathMessage {
  role: 'user' | 'assistant';
  content: string;
  status: MessageStatus;
  attachments?: Attachment[];
}

/**
 * A failed or empty answer is not something the model said: sending it back would
 * teach the model a turn that never happened, and some servers reject empty content.
 */
export function belongsInRequest(message: PathMessage): boolean {
  return message.role === 'user' || (message.status !== 'error' && message.content !== '');
}

/** The request's messages for a path, oldest first. */
export function requestMessages(path: readonly PathMessage[]): ChatMessage[] {
  return path.filter(belongsInRequest).map(({ role, content, attachments }) => (attachments?.length ? { role, content, attachments } : { role, content }));
}
