import type { ChatHistory, ChatRequest } from '../../../shared/ipc';
import { requestMessages } from '../../../shared/requestPath';
import type { Conversation } from './conversationReducer';

/** The request for the turn that ends just before `end`; with `history`, main saves the turn (creating the conversation while the page has not seen it saved). */
export function buildChatRequest(conversation: Conversation, end = conversation.messages.length, history?: ChatHistory): ChatRequest {
  const messages = requestMessages(conversation.messages.slice(0, end));
  const request: ChatRequest = { model: conversation.model, systemPrompt: conversation.systemPrompt, messages, endpointId: conversation.endpointId };
  // Only what the person set goes out; an empty object would say nothing anyway.
  const withParams = Object.keys(conversation.params).length > 0 ? { ...request, params: conversation.params } : request;
  const withTools = conversation.toolServers.length > 0 ? { ...withParams, toolServers: conversation.toolServers } : withParams;
  if (!history) return withTools;
  return { ...withTools, history: conversation.stored ? history : { ...history, newConversation: true } };
}
