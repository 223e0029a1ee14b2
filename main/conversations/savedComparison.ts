/** The `history:saveComparison` handler: Compare's chosen answer saved as the next turn, answered with the conversation as saved. */
import type { SaveComparison } from '../../preload/contract';
import type { HistoryStore } from '../history/historyStore';
import { missingConversation } from '../history/storeContext';
import type { ConversationWithMessages } from '../history/types';

export function saveComparison(store: HistoryStore, { newConversation, ...comparison }: SaveComparison, endpoint: string): ConversationWithMessages {
  store.saveComparison({ ...comparison, create: newConversation ? { endpoint } : null });
  const saved = store.getConversation(comparison.conversationId);
  if (!saved) throw missingConversation();
  return saved;
}
