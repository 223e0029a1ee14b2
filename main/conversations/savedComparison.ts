/** The `history:saveComparison` handler: Compare's chosen answer saved as the next turn, answered with the conversation as saved. */
import { DEFAULT_ENDPOINT_ID, type SaveComparison } from '../../shared/ipc';
import type { HistoryStore } from '../history/historyStore';
import { missingConversation } from '../history/storeContext';
import type { ConversationWithMessages } from '../history/types';

export function saveComparison(store: HistoryStore, { newConversation, endpointId = DEFAULT_ENDPOINT_ID, ...comparison }: SaveComparison): ConversationWithMessages {
  store.saveComparison({ ...comparison, create: newConversation ? { endpoint: endpointId } : null });
  const saved = store.getConversation(comparison.conversationId);
  if (!saved) throw missingConversation();
  return saved;
}
