import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `scripts/electronNative.mjs` puts better-sqlite3 built for Electron:
 * `<appRoot>/native/electron-<version>-<platform>-<arch>/better_sqlite3.node`. Node (tests,
 * web mode) uses the package's own build, so `npm test` and `npm start` never fight over one.
 */
export const electronNativeBindingPath = (appRoot: string, electronVersion: string, platform: string, arch: string): string =>
  join(appRoot, 'native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');

/**
 * The binding the Electron entry passes to openHistory in development, or undefined
 * (packaged: electron-builder rebuilt the package itself; under Node: the package's build).
 */
export function electronNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  const electronVersion = process.versions.electron;
  if (isPackaged || electronVersion === undefined) return undefined;
  const file = electronNativeBindingPath(appRoot, electronVersion, process.platform, process.arch);
  if (!existsSync(file)) {
    throw new Error(`better-sqlite3 has not been built for Electron ${electronVersion}: run \`node scripts/electronNative.mjs\`.`);
  }
  return file;
}
