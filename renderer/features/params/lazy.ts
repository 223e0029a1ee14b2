import { lazyPart } from '../../lib/lazyPart';

/** The Parameters dialog, loaded apart from the start-up bundle (lib/lazyPart). */
export const ParametersDialog = lazyPart(() => import('./ParametersDialog').then((module) => module.ParametersDialog));
