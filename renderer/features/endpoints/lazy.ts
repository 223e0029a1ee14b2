import { lazyPart } from '../../lib/lazyPart';

/** What a conversation whose endpoint is not set up here says and offers: loaded apart from the start-up bundle (lib/lazyPart). */
export const EndpointMissing = lazyPart(() => import('./EndpointMissing').then((module) => module.EndpointMissing));
