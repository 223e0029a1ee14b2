import { useCallback } from 'react';
import type { ChatParams, ConversationPatch, SettingsPatch } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import { useConversationSaver } from '../history/useConversationSaver';
import { useSettings } from '../settings/settingsContext';
import type { Chat } from './useChat';

/**
 * The open conversation's model, endpoint, system prompt and parameters, as the chat header
 * changes them: shown at once, saved when the conversation is kept, and (model, endpoint)
 * remembered for new chats.
 */
export function useConversationChoices(api: ParleyApi, chat: Chat, onSaveError: (error: unknown) => void) {
  const { show } = useSettings();
  const { setModel, setEndpoint, setSystemPrompt, setParams } = chat;
  const { id, stored } = chat.conversation;
  const { save, saveSystemPrompt, flush } = useConversationSaver(api, onSaveError);

  const saveIfKept = useCallback((patch: ConversationPatch) => stored && save(id, patch), [stored, id, save]);
  // Remembering a choice for new chats is a convenience: the chat goes on even if it fails.
  const rememberForNewChats = useCallback(
    (patch: SettingsPatch, what: string) => void api.updateSettings(patch).then(show, (error: unknown) => console.warn(`Could not remember the ${what}`, error)),
    [api, show],
  );

  const chooseModel = useCallback(
    (model: string) => {
      setModel(model);
      saveIfKept({ model });
      rememberForNewChats({ defaultModel: model }, 'model');
    },
    [setModel, saveIfKept, rememberForNewChats],
  );
  const chooseEndpoint = useCallback(
    (endpointId: string) => {
      setEndpoint(endpointId);
      saveIfKept({ endpointId });
      rememberForNewChats({ defaultEndpointId: endpointId }, 'endpoint');
    },
    [setEndpoint, saveIfKept, rememberForNewChats],
  );
  const changeSystemPrompt = useCallback(
    (systemPrompt: string) => {
      setSystemPrompt(systemPrompt);
      if (stored) saveSystemPrompt(id, systemPrompt);
    },
    [setSystemPrompt, saveSystemPrompt, stored, id],
  );
  const changeParams = useCallback(
    (params: ChatParams) => {
      setParams(params);
      saveIfKept({ params });
    },
    [setParams, saveIfKept],
  );

  return { chooseModel, chooseEndpoint, changeSystemPrompt, changeParams, flush };
}
