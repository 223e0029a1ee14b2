import type { PromptLibrary } from '../../../shared/ipc';
import { shownValueContext } from '../../lib/shownValue';

/** The prompt library as the window shows it (see ShownValue). */
export const [PromptLibraryContext, usePromptLibrary] = shownValueContext<PromptLibrary>('usePromptLibrary');
