import type { HistoryStore } from '../history/historyStore';
import { storageProblemOf } from '../history/storageErrors';
import type { ExportConversation } from './types';

/**
 * Every conversation that can be read, for a backup: one stored in a damaged part of the
 * history file is left out and named (by its title when the list still shows it) instead of
 * failing the whole backup. Any other failure still fails it.
 */
export function readableConversations<C extends ExportConversation>(
  history: Pick<HistoryStore, 'conversationIds' | 'listConversations' | 'countConversations'>,
  load: (id: string) => C,
): { conversations: C[]; unreadable: { id: string; title: string }[] } {
  const conversations: C[] = [];
  const unreadableIds: string[] = [];
  for (const id of history.conversationIds()) {
    try {
      conversations.push(load(id));
    } catch (error) {
      if (storageProblemOf(error) !== 'history-damaged') throw error;
      unreadableIds.push(id);
    }
  }
  if (unreadableIds.length === 0) return { conversations, unreadable: [] };
  return { conversations, unreadable: unreadableIds.map((id) => ({ id, title: titles(history).get(id) ?? '' })) };
}

/** Titles from the sidebar's list, which may still be readable where a conversation's messages are not. */
function titles(history: Pick<HistoryStore, 'listConversations' | 'countConversations'>): Map<string, string> {
  try {
    return new Map(history.listConversations({ limit: history.countConversations() }).map((summary) => [summary.id, summary.title]));
  } catch {
    return new Map();
  }
}
