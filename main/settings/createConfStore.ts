import { join } from 'node:path';
import Conf from 'conf';
import { openStoreFile, type OpenedStore } from './openStoreFile';

export type ConfStore = Conf<Record<string, unknown>>;

/** The conf-backed store for web mode and tests: `<dataDir>/<name>.json`. */
export function createConfStore(dataDir: string, name: 'config' | 'secrets'): OpenedStore<ConfStore> {
  return openStoreFile(join(dataDir, `${name}.json`), () =>
    new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: name,
      // Never let conf wipe a damaged file: openStoreFile moves it aside instead.
      clearInvalidConfig: false,
      // Readable by the user only: the secrets file holds the (encrypted) key.
      configFileMode: 0o600,
      // No conf `schema`: a schema violation makes conf throw on every read, so one
      // hand-edited value would stop the app. The services validate field by field.
    }),
  );
}
