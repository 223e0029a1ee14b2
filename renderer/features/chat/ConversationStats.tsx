import { useMemo } from 'react';
import { formatCount } from '../../lib/format';
import type { Message } from './conversationReducer';
import { conversationTotals } from './conversationTotals';

/** The open conversation's totals, under its title: messages and tokens in and out. */
export function ConversationStats({ messages }: { messages: readonly Message[] }) {
  const totals = useMemo(() => conversationTotals(messages), [messages]);
  if (totals.messages === 0) return null;
  return (
    <p className="conversation-stats" role="group" aria-label="Conversation totals">
      {formatCount(totals.messages)} {totals.messages === 1 ? 'message' : 'messages'} · {formatCount(totals.promptTokens)} tokens in ·{' '}
      {formatCount(totals.completionTokens)} out
    </p>
  );
}
