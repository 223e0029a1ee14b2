import { useCallback, useEffect, useRef } from 'react';
import type { ConversationPatch } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import { useLatest } from '../../lib/useLatest';

const PROMPT_DEBOUNCE_MS = 600;

interface PendingPrompt {
  id: string;
  systemPrompt: string;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Saves changes to a stored conversation: at once, or, for its system prompt, once typing
 * pauses. A prompt still waiting is saved before another conversation opens and when the
 * view goes. The sidebar hears of each save from main's change.
 */
export function useConversationSaver(api: ParleyApi, onError: (error: unknown) => void) {
  const pendingRef = useRef<PendingPrompt | null>(null);
  const onErrorRef = useLatest(onError);

  const save = useCallback(
    (id: string, patch: ConversationPatch) => {
      api.updateConversation({ id, patch }).catch((error: unknown) => onErrorRef.current(error));
    },
    [api, onErrorRef],
  );

  const flush = useCallback(() => {
    const pending = pendingRef.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingRef.current = null;
    save(pending.id, { systemPrompt: pending.systemPrompt });
  }, [save]);

  const saveSystemPrompt = useCallback(
    (id: string, systemPrompt: string) => {
      if (pendingRef.current?.id !== id) flush();
      else clearTimeout(pendingRef.current.timer);
      pendingRef.current = { id, systemPrompt, timer: setTimeout(flush, PROMPT_DEBOUNCE_MS) };
    },
    [flush],
  );

  useEffect(() => flush, [flush]);

  return { save, saveSystemPrompt, flush };
}
