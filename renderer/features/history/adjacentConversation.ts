import type { ConversationSummary } from '../../../shared/ipc';
import { groupConversations } from './groupConversations';

/**
 * The conversation before (`step` -1) or after (+1) the open one in the sidebar's order
 * (pinned first, then newest first). A new chat not yet in the list sits above it: "next"
 * goes to the first conversation, "previous" nowhere. Null at either end.
 */
export function adjacentConversation(conversations: readonly ConversationSummary[], openId: string, step: -1 | 1, now: number): string | null {
  const ids = groupConversations(conversations, now).flatMap((row) => (row.kind === 'conversation' ? [row.summary.id] : []));
  const index = ids.indexOf(openId);
  return ids[index === -1 ? (step === 1 ? 0 : -1) : index + step] ?? null;
}
