import { useMemo } from 'react';
import { formatCost } from '../../../shared/cost';
import { formatCount } from '../../lib/format';
import { useModelInfoMap } from '../models/modelsContext';
import type { Message } from './conversationReducer';
import { conversationTotals } from './conversationTotals';

/** The open conversation's totals, under its title: messages, tokens in and out, and cost where prices are known. */
export function ConversationStats({ messages }: { messages: readonly Message[] }) {
  const info = useModelInfoMap();
  const { messages: count, promptTokens, completionTokens, cost, unpricedAnswers } = useMemo(() => conversationTotals(messages, info), [messages, info]);
  // Every streamed chunk is a new list of messages, but the totals move only when a message is added or an answer ends.
  return useMemo(
    () =>
      count === 0 ? null : (
        <p className="conversation-stats" role="group" aria-label="Conversation totals">
          {formatCount(count)} {count === 1 ? 'message' : 'messages'} · {formatCount(promptTokens)} tokens in · {formatCount(completionTokens)} out
          {cost !== null && ` · ${unpricedAnswers > 0 ? 'at least ' : ''}${formatCost(cost)}`}
        </p>
      ),
    [count, promptTokens, completionTokens, cost, unpricedAnswers],
  );
}
