import { lazyModule } from './lazyModule';

/** KaTeX and its stylesheet: a large part of the app, loaded once an answer shows math. */
export const mathModule = lazyModule('Math rendering', () => import('./mathRenderer'));
