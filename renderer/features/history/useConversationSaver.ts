import { useCallback, useEffect, useRef } from 'react';
import type { ConversationPatch } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { ConversationSummary } from '../../../shared/ipc';

const PROMPT_DEBOUNCE_MS = 600;

interface PendingPrompt {
  id: string;
  systemPrompt: string;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Saves a stored conversation's model at once and its system prompt once typing pauses.
 * A prompt still waiting is saved before another conversation opens and when the view goes.
 */
export function useConversationSaver(api: ParleyApi, onSaved: (summary: ConversationSummary) => void, onError: (error: unknown) => void) {
  const pendingRef = useRef<PendingPrompt | null>(null);
  const callbacksRef = useRef({ onSaved, onError });
  useEffect(() => {
    callbacksRef.current = { onSaved, onError };
  }, [onSaved, onError]);

  const save = useCallback(
    (id: string, patch: ConversationPatch) => {
      api.updateConversation({ id, patch }).then(
        (summary) => callbacksRef.current.onSaved(summary),
        (error: unknown) => callbacksRef.current.onError(error),
      );
    },
    [api],
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

  const saveModel = useCallback((id: string, model: string) => save(id, { model }), [save]);
  const saveParams = useCallback((id: string, params: ConversationPatch['params']) => save(id, { params }), [save]);
  const saveEndpoint = useCallback((id: string, endpointId: string) => save(id, { endpointId }), [save]);

  useEffect(() => flush, [flush]);

  return { saveModel, saveEndpoint, saveSystemPrompt, saveParams, flush };
}
