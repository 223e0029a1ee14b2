import { useCallback, useRef, useState } from 'react';
import type { ConversationPatch, ConversationSummary } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { Toast } from './UndoToast';
import type { useConversationList } from './useConversationList';

export interface DeletedToast extends Toast {
  summary: ConversationSummary;
}

interface ActionOptions {
  /** The conversation the window shows: deleting it opens a new chat. */
  openId: string;
  onDeletedOpen: () => void;
  report: (what: string, error: unknown) => void;
}

/**
 * What the sidebar does to a conversation: rename, pin, delete with Undo. Each shows at once,
 * keeps main's answer, and puts the old state back if main refuses.
 */
export function useConversationActions(api: ParleyApi, list: ReturnType<typeof useConversationList>, { openId, onDeletedOpen, report }: ActionOptions) {
  const { upsert, remove, restore } = list;
  const [toast, setToast] = useState<DeletedToast | null>(null);
  const toastCount = useRef(0);

  const patch = useCallback(
    (summary: ConversationSummary, change: ConversationPatch, failure: string) => {
      upsert({ ...summary, ...change });
      api.updateConversation({ id: summary.id, patch: change }).then(upsert, (error: unknown) => {
        upsert(summary);
        report(failure, error);
      });
    },
    [api, upsert, report],
  );
  const rename = useCallback((summary: ConversationSummary, title: string) => patch(summary, { title }, 'Could not rename the conversation'), [patch]);
  const togglePin = useCallback(
    (summary: ConversationSummary) => patch(summary, { pinned: !summary.pinned }, summary.pinned ? 'Could not unpin the conversation' : 'Could not pin the conversation'),
    [patch],
  );

  const deleteConversation = useCallback(
    (summary: ConversationSummary) => {
      remove(summary.id);
      if (summary.id === openId) onDeletedOpen();
      setToast({ id: ++toastCount.current, message: 'Conversation deleted', summary });
      api.deleteConversation({ id: summary.id }).catch((error: unknown) => {
        restore(summary);
        setToast(null);
        report('Could not delete the conversation', error);
      });
    },
    [api, openId, remove, restore, onDeletedOpen, report],
  );

  const undo = useCallback(() => {
    if (!toast) return;
    setToast(null);
    api.restoreConversation({ id: toast.summary.id }).then(restore, (error: unknown) => report('Could not restore the conversation', error));
  }, [api, toast, restore, report]);
  const dismissToast = useCallback(() => setToast(null), []);

  return { rename, togglePin, deleteConversation, undo, dismissToast, toast };
}
