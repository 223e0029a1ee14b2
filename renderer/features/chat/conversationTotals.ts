import type { Message } from './conversationReducer';

export interface ConversationTotals {
  messages: number;
  promptTokens: number;
  completionTokens: number;
}

/** What a conversation has cost so far: every answer's usage added up (each answer re-sends the history, so "in" grows fast). */
export function conversationTotals(messages: readonly Message[]): ConversationTotals {
  let promptTokens = 0;
  let completionTokens = 0;
  for (const { usage } of messages) {
    promptTokens += usage?.promptTokens ?? 0;
    completionTokens += usage?.completionTokens ?? 0;
  }
  return { messages: messages.length, promptTokens, completionTokens };
}
