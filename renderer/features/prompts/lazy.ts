import { lazyPart } from '../../lib/lazyPart';

/** The prompt library, loaded apart from the start-up bundle (lib/lazyPart). */
export const PromptsDialog = lazyPart(() => import('./PromptsDialog').then((module) => module.PromptsDialog));
