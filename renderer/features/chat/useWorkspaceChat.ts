import { useCallback, useMemo } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { useEndpoints } from '../endpoints/useEndpoints';
import { useModelCatalogueState } from '../models/modelCatalogue';
import { useModelsState, type Models } from '../models/modelsContext';
import type { ReportProblem } from '../notices/useProblem';
import { defaultPromptText } from '../prompts/defaultPrompt';
import { usePromptLibrary } from '../prompts/promptLibraryContext';
import { useSettings } from '../settings/settingsContext';
import { useChat, type ChatDefaults } from './useChat';
import { useConversationChoices } from './useConversationChoices';
import { useOpenConversation } from './useOpenConversation';

/**
 * The window's open conversation: its chat (new chats start from the settings' defaults and
 * the default prompt), how its model, endpoint, prompt and parameters are chosen and saved,
 * which one is open, and the models and endpoints it chooses from.
 */
export function useWorkspaceChat(report: ReportProblem) {
  const api = useParley();
  const { value: settings } = useSettings();
  const { value: library } = usePromptLibrary();
  const models = useModelsState();
  const defaults: ChatDefaults = {
    model: settings.defaultModel,
    systemPrompt: defaultPromptText(library),
    params: settings.defaultParams,
    endpointId: settings.defaultEndpointId,
  };
  const chat = useChat(api, defaults, useMemo(() => ({ onModelUsed: models.markUsed }), [models.markUsed]));
  const choices = useConversationChoices(
    api,
    chat,
    useCallback((error: unknown) => report('Could not save the conversation', error), [report]),
  );
  const { openId, opening, target, open, startNew } = useOpenConversation(api, chat, { defaults, beforeLeaving: choices.flush, report });
  const endpoints = useEndpoints(api);
  const catalogue = useModelCatalogueState(api, chat.conversation.endpointId);
  const modelsValue: Models = useMemo(() => ({ ...models, ...catalogue, choose: choices.chooseModel }), [models, catalogue, choices.chooseModel]);
  return { chat, choices, openId, opening, target, open, startNew, endpoints, models: modelsValue };
}

export type WorkspaceChat = ReturnType<typeof useWorkspaceChat>;
