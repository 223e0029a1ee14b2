import type { ModelList } from '../../../shared/ipc';

/**
 * The model a conversation cannot go on with: the one its last turn was answered with, which the
 * endpoint's list does not have (a ChatGPT model after an import, or one removed since). Null
 * while the list is not known, for a new chat, and for a model the person chose since: some
 * endpoints serve models they do not list, so a choice is sent and the server decides.
 */
export function unservedModel(model: string, lastUsedModel: string | null, list: ModelList | null): string | null {
  if (model === '' || model !== lastUsedModel || !list || list.models.length === 0) return null;
  return list.models.includes(model) ? null : model;
}
