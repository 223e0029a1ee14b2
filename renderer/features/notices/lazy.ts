import { lazyPart } from '../../lib/lazyPart';

/** The update notice, shown once an update is ready; loaded apart from the start-up bundle (lib/lazyPart). */
export const UpdateNotice = lazyPart(() => import('./UpdateNotice').then((module) => module.UpdateNotice));
