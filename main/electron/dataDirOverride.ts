/**
 * `--data-dir=D` (or PARLEY_DATA_DIR) puts settings, key and history in another folder:
 * for tests and for people who keep several separate Parley profiles.
 */
import path from 'node:path';

export function readDataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  const flag = argv.find((arg) => arg.startsWith('--data-dir='));
  const value = flag ? flag.slice('--data-dir='.length) : env.PARLEY_DATA_DIR;
  return value ? path.resolve(value) : null;
}
