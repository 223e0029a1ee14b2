import { usageCost } from '../../../shared/cost';
import type { ModelList } from '../../../shared/ipc';
import type { Message } from './conversationReducer';

export interface ConversationTotals {
  messages: number;
  promptTokens: number;
  completionTokens: number;
  /** US dollars for the answers whose model has a known price; null when none has. */
  cost: number | null;
  /** Answers with usage whose model has no known price, so `cost` leaves them out. */
  unpricedAnswers: number;
}

/** What a conversation has cost so far: every answer's usage added up (each answer re-sends the history, so "in" grows fast). */
export function conversationTotals(messages: readonly Message[], info: ModelList['info'] = {}): ConversationTotals {
  let promptTokens = 0;
  let completionTokens = 0;
  let cost: number | null = null;
  let unpricedAnswers = 0;
  for (const { usage, model } of messages) {
    promptTokens += usage?.promptTokens ?? 0;
    completionTokens += usage?.completionTokens ?? 0;
    if (!usage) continue;
    const answerCost = usageCost(usage, info[model]?.price ?? null);
    if (answerCost === null) unpricedAnswers += 1;
    else cost = (cost ?? 0) + answerCost;
  }
  return { messages: messages.length, promptTokens, completionTokens, cost, unpricedAnswers };
}
