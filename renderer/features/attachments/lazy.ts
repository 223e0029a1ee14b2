import { lazyPart } from '../../lib/lazyPart';

/** An attached image shown large, loaded apart from the start-up bundle (lib/lazyPart). */
export const ImageViewer = lazyPart(() => import('./ImageViewer').then((module) => module.ImageViewer));
/** Asking before sending an image to a model that may not read images. */
export const ImageWarning = lazyPart(() => import('./ImageWarning').then((module) => module.ImageWarning));
