/**
 * `node --import tsx --import ./electronStandInHooks.mjs …`: every `import 'electron'` (the
 * built main bundle's, electron-store's) gets electronStandIn.ts instead of the real package,
 * which would try to start, or download, the Electron binary.
 */
import { register } from 'node:module';

const standIn = new URL('./electronStandIn.ts', import.meta.url).href;

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      return specifier === 'electron' ? { url: ${JSON.stringify(standIn)}, shortCircuit: true } : next(specifier, context);
    }`)}`,
);
