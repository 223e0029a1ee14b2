import type { PromptLibrary } from '../../../shared/ipc';

/** The text new chats start with: the library's default prompt, or none. */
export function defaultPromptText(library: PromptLibrary): string {
  return library.prompts.find((prompt) => prompt.id === library.defaultId)?.text ?? '';
}
