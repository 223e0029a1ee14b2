import { lazyPart } from '../../lib/lazyPart';

/** Settings, loaded apart from the start-up bundle (lib/lazyPart). */
export const SettingsDialog = lazyPart(() => import('./SettingsDialog').then((module) => module.SettingsDialog));
