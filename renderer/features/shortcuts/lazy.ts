import { lazyPart } from '../../lib/lazyPart';

/** The keyboard shortcuts sheet, loaded apart from the start-up bundle (lib/lazyPart). */
export const ShortcutsSheet = lazyPart(() => import('./ShortcutsSheet').then((module) => module.ShortcutsSheet));
