import type { ChatHistory, ChatMessage, ChatRequest } from '../../../shared/ipc';
import type { Conversation, Message } from './conversationReducer';

/**
 * A failed or empty answer is not something the model said: sending it back would
 * teach the model a turn that never happened, and some servers reject empty content.
 */
function belongsInHistory(message: Message): boolean {
  return message.role === 'user' || (message.status !== 'error' && message.content !== '');
}

/** The request for the turn that ends just before `end`; with `history`, main saves the turn. */
export function buildChatRequest(conversation: Conversation, end = conversation.messages.length, history?: ChatHistory): ChatRequest {
  const messages: ChatMessage[] = conversation.messages
    .slice(0, end)
    .filter(belongsInHistory)
    .map(({ role, content, attachments }) => (attachments?.length ? { role, content, attachments } : { role, content }));
  const request: ChatRequest = { model: conversation.model, systemPrompt: conversation.systemPrompt, messages, endpointId: conversation.endpointId };
  // Only what the person set goes out; an empty object would say nothing anyway.
  const withParams = Object.keys(conversation.params).length > 0 ? { ...request, params: conversation.params } : request;
  const withTools = conversation.toolServers.length > 0 ? { ...withParams, toolServers: conversation.toolServers } : withParams;
  return history ? { ...withTools, history } : withTools;
}
