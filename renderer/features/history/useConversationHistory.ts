import { useCallback, useMemo } from 'react';
import { useParley } from '../../lib/ParleyContext';
import type { ReportProblem } from '../notices/useProblem';
import { adjacentConversation } from './adjacentConversation';
import { useConversationActions } from './useConversationActions';
import { useConversationList } from './useConversationList';

interface HistoryOptions {
  /** The conversation the window shows: deleting it starts a new chat. */
  openId: string;
  startNew: () => void;
  report: ReportProblem;
}

/**
 * The conversations in history as the sidebar lists them, with what the sidebar does to them
 * (rename, pin, delete with Undo), and what the rest of the window reads from the list: the
 * open conversation's entry and the conversations before and after it.
 */
export function useConversationHistory({ openId, startNew, report }: HistoryOptions) {
  const api = useParley();
  const list = useConversationList(api);
  const actions = useConversationActions(api, list, { openId, onDeletedOpen: startNew, report });
  const { items } = list;
  const openSummary = useMemo(() => items.find((item) => item.id === openId), [items, openId]);
  /** The conversation before (-1) or after (+1) the open one, if there is one. */
  const adjacent = useCallback((step: -1 | 1) => adjacentConversation(items, openId, step, Date.now()), [items, openId]);
  return {
    items,
    openSummary,
    adjacent,
    rename: actions.rename,
    /** What the sidebar shows and does, as its props. */
    sidebar: {
      conversations: items,
      loading: list.loading,
      loadError: list.error,
      toast: actions.toast,
      onRetryLoad: list.retry,
      onRename: actions.rename,
      onTogglePin: actions.togglePin,
      onDelete: actions.deleteConversation,
      onUndo: actions.undo,
      onDismissToast: actions.dismissToast,
    },
  };
}
