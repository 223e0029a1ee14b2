import { lazyPart } from '../lib/lazyPart';

/** Menus (More, a conversation's actions, a message's), loaded apart from the start-up bundle (lib/lazyPart): none shows at start. */
export const ContextMenu = lazyPart(() => import('./ContextMenu').then((module) => module.ContextMenu));
