import { useCallback } from 'react';
import type { ChatParams, ConversationPatch, SettingsPatch } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import { useConversationSaver } from '../history/useConversationSaver';
import { useSettings } from '../settings/settingsContext';
import type { Chat } from './useChat';

/**
 * The open conversation's model, endpoint, system prompt, parameters and tool servers, as the chat header
 * changes them: shown at once, saved when the conversation is kept, and (model, endpoint)
 * remembered for new chats.
 */
export function useConversationChoices(api: ParleyApi, chat: Chat, onSaveError: (error: unknown) => void) {
  const { update } = useSettings();
  const { setModel, setEndpoint, setSystemPrompt, setParams, setToolServers } = chat;
  const { id, stored } = chat.conversation;
  const { save, saveSystemPrompt, flush } = useConversationSaver(api, onSaveError);

  const saveIfKept = useCallback(
    (patch: ConversationPatch) => {
      if (stored) save(id, patch);
    },
    [stored, id, save],
  );
  /** A model or an endpoint: saved with a kept conversation, and remembered for new chats (a convenience: the chat goes on if that fails). */
  const keep = useCallback(
    (patch: ConversationPatch, forNewChats: SettingsPatch, what: string) => {
      saveIfKept(patch);
      update(forNewChats).catch((error: unknown) => console.warn(`Could not remember the ${what}`, error));
    },
    [saveIfKept, update],
  );

  const chooseModel = useCallback(
    (model: string) => {
      setModel(model);
      keep({ model }, { defaultModel: model }, 'model');
    },
    [setModel, keep],
  );
  const chooseEndpoint = useCallback(
    (endpointId: string) => {
      setEndpoint(endpointId);
      keep({ endpointId }, { defaultEndpointId: endpointId }, 'endpoint');
    },
    [setEndpoint, keep],
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

  /** The MCP servers this conversation may use: kept with it, never made the default for new chats. */
  const chooseToolServers = useCallback(
    (toolServers: string[]) => {
      setToolServers(toolServers);
      saveIfKept({ toolServers });
    },
    [setToolServers, saveIfKept],
  );

  return { chooseModel, chooseEndpoint, changeSystemPrompt, changeParams, chooseToolServers, flush };
}
