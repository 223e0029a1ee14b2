/** The cascade layers, lowest first, as renderer/styles/foundation.css declares them. */
export declare const LAYERS: readonly string[];
declare const plugin: unknown;
export default plugin;
