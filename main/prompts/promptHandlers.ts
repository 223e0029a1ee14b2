/** The "Prompts" channels: the library service meets the Dialogs port here. */
import type { Channel } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import { wallClock } from '../export/localTime';
import type { Dialogs } from '../files/dialogs';
import type { Handlers } from '../ipc/router';
import { parsePromptsFile, PromptFileError, promptsToJson } from './promptFile';
import type { PromptLibraryService } from './promptLibrary';

type PromptChannel = Extract<Channel, `prompts:${string}`>;

export function createPromptHandlers(library: PromptLibraryService, dialogs: Dialogs, now: () => number = Date.now): Pick<Handlers, PromptChannel> {
  return {
    'prompts:list': () => library.get(),
    'prompts:save': (prompt) => library.save(prompt),
    'prompts:delete': ({ id }) => library.remove(id),
    'prompts:setDefault': ({ id }) => library.setDefault(id),
    'prompts:export': () => {
      const at = now();
      return dialogs.saveFile(`Parley prompts ${wallClock().date(at)}.json`, promptsToJson(library.get(), at), 'application/json');
    },
    'prompts:import': ({ content }) => {
      try {
        return library.merge(parsePromptsFile(content));
      } catch (error) {
        if (error instanceof PromptFileError) throw new AppFailure({ code: 'invalid-request', message: error.message });
        throw error;
      }
    },
  };
}
