import { lazyPart } from '../../lib/lazyPart';

/** First run's key setup, loaded apart from the start-up bundle (lib/lazyPart): most starts have a key. */
export const KeySetup = lazyPart(() => import('./KeySetup').then((module) => module.KeySetup));
