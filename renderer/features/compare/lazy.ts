import { lazyPart } from '../../lib/lazyPart';

/** Compare's view, loaded apart from the start-up bundle (lib/lazyPart). */
export const CompareView = lazyPart(() => import('./CompareView').then((module) => module.CompareView));
