import { lazyPart } from '../../lib/lazyPart';

/**
 * What a model or the model list being wrong says and offers (a model the endpoint does not serve,
 * the endpoint's banner): shown only then, so loaded apart from the start-up bundle (lib/lazyPart).
 */
export const ModelNotServed = lazyPart(() => import('./ModelNotServed').then((module) => module.ModelNotServed));
export const CatalogueBanner = lazyPart(() => import('./CatalogueBanner').then((module) => module.CatalogueBanner));
