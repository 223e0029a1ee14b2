import { DEFAULT_ENDPOINT_ID } from '../../shared/ipc';
import type { ChatParams } from '../../shared/chatParams';
import type { HistoryStore } from '../history/historyStore';
import type { Conversation } from '../history/types';

/** What the page says of a conversation it starts: `history:create`, or a chat's first turn. */
export interface EmptyConversation {
  id: string;
  model: string;
  systemPrompt: string;
  params?: ChatParams;
  /** Absent: the default endpoint. */
  endpointId?: string;
  toolServers?: string[];
}

/** Creates a conversation with no messages and no title yet (its first question names it). */
export function createEmptyConversation(store: HistoryStore, { id, model, systemPrompt, params = {}, endpointId, toolServers = [] }: EmptyConversation): Conversation {
  return store.createConversation({ id, title: '', model, systemPrompt, params, endpoint: endpointId ?? DEFAULT_ENDPOINT_ID, toolServers });
}
