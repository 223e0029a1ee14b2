import { lazyPart } from '../../lib/lazyPart';

/** The Usage dialog, loaded apart from the start-up bundle (lib/lazyPart). */
export const UsageDialog = lazyPart(() => import('./UsageDialog').then((module) => module.UsageDialog));
