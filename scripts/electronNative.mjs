#!/usr/bin/env node
/**
 * Builds better-sqlite3 for the installed Electron, once, next to (not over) the Node build.
 *
 *   node scripts/electronNative.mjs
 *
 * Tests and web mode load node_modules/better-sqlite3/build (built for Node by `npm install`).
 * Electron needs the module built for its own ABI; this script puts that build at
 *
 *   native/electron-<version>-<platform>-<arch>/better_sqlite3.node
 *
 * (main/history/nativeBinding.ts reads the same path) and the Electron entry passes it to
 * better-sqlite3's `nativeBinding` option in development. Packaged apps use electron-builder's
 * own rebuild. So `npm test` and `npm start` never overwrite each other's build.
 *
 * Where no Electron binary was downloaded it says so and exits 0. It never `require`s
 * 'electron', which would try to download it. It uses node-gyp directly: @electron/rebuild
 * 4.x needs Node 22.12 or newer.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Same convention as electronNativeBindingPath in main/history/nativeBinding.ts. */
export const electronNativeBindingPath = (version, platform = process.platform, arch = process.arch) =>
  join(root, 'native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');

/** The installed Electron's version, or why there is none. */
function installedElectron() {
  const dir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(dir, 'package.json'))) return { reason: 'the electron package is not installed' };
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  const executable = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { reason: `the Electron binary is missing at ${executable}` };
  return { version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/** Builds the package's sources in a temporary copy, so its Node build stays untouched. */
function build(version, target) {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'parley-native-'));
  try {
    const copy = join(work, 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (file) => !file.startsWith(join(source, 'build')) });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    execFileSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: copy, stdio: 'inherit' },
    );
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const electron = installedElectron();
  if (!electron.version) {
    console.info(`electronNative: skipped, ${electron.reason}. Node builds are unaffected.`);
    return;
  }
  const target = electronNativeBindingPath(electron.version);
  if (existsSync(target)) {
    console.info(`electronNative: better-sqlite3 for Electron ${electron.version} is already built at ${target}.`);
    return;
  }
  console.info(`electronNative: building better-sqlite3 for Electron ${electron.version} (${process.platform}-${process.arch})…`);
  build(electron.version, target);
  console.info(`electronNative: built ${target}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
