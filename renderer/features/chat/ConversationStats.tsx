import { useMemo } from 'react';
import { formatCost } from '../../../shared/cost';
import { formatCount } from '../../lib/format';
import { useModelInfoMap } from '../models/modelsContext';
import type { Message } from './conversationReducer';
import { conversationTotals } from './conversationTotals';

/** The open conversation's totals, under its title: messages, tokens in and out, and cost where prices are known. */
export function ConversationStats({ messages }: { messages: readonly Message[] }) {
  const info = useModelInfoMap();
  const totals = useMemo(() => conversationTotals(messages, info), [messages, info]);
  if (totals.messages === 0) return null;
  return (
    <p className="conversation-stats" role="group" aria-label="Conversation totals">
      {formatCount(totals.messages)} {totals.messages === 1 ? 'message' : 'messages'} · {formatCount(totals.promptTokens)} tokens in ·{' '}
      {formatCount(totals.completionTokens)} out
      {totals.cost !== null && ` · ${totals.unpricedAnswers > 0 ? 'at least ' : ''}${formatCost(totals.cost)}`}
    </p>
  );
}
