import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError } from '../../lib/errors';
import { useLatest } from '../../lib/useLatest';
import type { MessageOwner } from './MessageActionsContext';

/** How long Undo is offered before the message is deleted for good (as the sidebar's Delete). */
export const UNDO_MS = 6_000;

interface Pending {
  messageId: string;
  from: MessageOwner;
}

/**
 * Delete with Undo: the message leaves the thread at once and is deleted in history when the
 * toast goes, when another message is deleted, or when the conversation is left; Undo brings
 * it back untouched. Nothing is deleted that Undo could still need.
 */
export function useDeleteWithUndo(remove: (messageId: string, from: MessageOwner) => Promise<void>, open: MessageOwner) {
  const pendingRef = useRef<Pending | null>(null);
  const [hiddenId, setHiddenId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const openRef = useLatest(open);

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const commit = useCallback(() => {
    clearTimer();
    const pending = pendingRef.current;
    pendingRef.current = null;
    setHiddenId(null);
    if (pending) remove(pending.messageId, pending.from).catch((error: unknown) => setProblem(`Could not delete the message: ${toAppError(error).message}`));
  }, [remove]);

  const request = useCallback(
    (messageId: string) => {
      commit();
      pendingRef.current = { messageId, from: { id: openRef.current.id, stored: openRef.current.stored } };
      setHiddenId(messageId);
      setProblem(null);
      timer.current = setTimeout(commit, UNDO_MS);
      return Promise.resolve();
    },
    [commit, openRef],
  );

  const undo = useCallback(() => {
    clearTimer();
    pendingRef.current = null;
    setHiddenId(null);
  }, []);

  // Leaving the conversation (or the window) deletes what was waiting.
  useEffect(() => commit, [open.id, commit]);

  return { hiddenId, problem, request, undo, commit, dismissProblem: () => setProblem(null) };
}
