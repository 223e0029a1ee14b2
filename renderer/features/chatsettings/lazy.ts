import { lazyPart } from '../../lib/lazyPart';

/** The Chat settings sheet (system prompt, parameters, prompts), loaded apart from the start-up bundle (lib/lazyPart). */
export const ChatSettingsSheet = lazyPart(() => import('./ChatSettingsSheet').then((module) => module.ChatSettingsSheet));
export const ConversationTools = lazyPart(() => import('./ConversationTools').then((module) => module.ConversationTools));
