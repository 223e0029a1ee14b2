#!/usr/bin/env node
/**
 * Makes the Electron app startable: `npm start` and `npm run dev` run this before Electron.
 *
 *   node scripts/electronNative.mjs
 *
 * 1. The Electron binary. Electron 45's package no longer downloads it on `npm install`; it
 *    would only be fetched by the first `electron .`, after this script had found nothing to
 *    build for. So it is fetched here first, by Electron's own install script (which honours
 *    ELECTRON_MIRROR, electron_config_cache and a proxy; see the README's troubleshooting).
 * 2. better-sqlite3 built for that Electron's ABI, into
 *
 *      native/electron-<version>-<platform>-<arch>/better_sqlite3.node
 *
 *    (main/history/nativeBinding.ts reads the same path), next to, never over, the Node build
 *    in node_modules that tests and web mode load. First the prebuilt binary better-sqlite3
 *    publishes for this Electron (prebuild-install, the installer better-sqlite3 itself uses);
 *    only where none exists, compiled from source with node-gyp, which needs Python and a C++
 *    toolchain: when that fails the script says what to install on this system.
 *
 * Packaged apps do not use this: electron-builder rebuilds the module inside the installer.
 * Each step runs only when its result is missing, so a second start does nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronDir = join(root, 'node_modules', 'electron');

const say = (message) => console.info(`electronNative: ${message}`);

/** Same convention as electronNativeBindingPath in main/history/nativeBinding.ts. */
const electronNativeBindingPath = (version, platform = process.platform, arch = process.arch) =>
  join(root, 'native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');

/** What to install when better-sqlite3 has to be compiled (node-gyp's own requirements, per system). */
const TOOLCHAIN_HELP = {
  darwin: 'Install Apple\'s command-line tools (they include Python 3 and clang): `xcode-select --install`.',
  win32:
    'Install Python 3 (`winget install Python.Python.3.12`) and Visual Studio Build Tools with the ' +
    '"Desktop development with C++" workload (`winget install Microsoft.VisualStudio.2022.BuildTools`, then add that workload in the Visual Studio Installer).',
  linux:
    'Install Python 3, make and a C++ compiler: `sudo apt-get install python3 make g++` (Debian, Ubuntu), ' +
    '`sudo dnf install python3 make gcc-c++` (Fedora), `sudo pacman -S python make gcc` (Arch).',
};

class StepFailed extends Error {}

/** Runs a Node script as its own process; false (not an exception) when it exits with an error. */
function runNode(script, args, options = {}) {
  try {
    execFileSync(process.execPath, [script, ...args], { stdio: 'inherit', ...options });
    return true;
  } catch {
    return false;
  }
}

const electronVersion = () => JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

/** The executable Electron's install script recorded in path.txt, or null if it is not there. */
function installedElectronExecutable() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Step 1: the Electron binary, downloaded by Electron's own install script when missing. */
function ensureElectronBinary(version) {
  if (installedElectronExecutable()) return;
  say(`downloading Electron ${version} (once; it is cached for later installs)…`);
  const downloaded = runNode(join(electronDir, 'install.js'), [], { cwd: electronDir });
  if (!downloaded || !installedElectronExecutable()) {
    throw new StepFailed(
      `could not download Electron ${version}. Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; ` +
        'where GitHub is blocked, set ELECTRON_MIRROR to a mirror (for example https://npmmirror.com/mirrors/electron/). ' +
        'Then run `npm start` again.',
    );
  }
}

/** better-sqlite3's sources in a temporary folder, without its Node build, so that build stays untouched. */
function withPackageCopy(work) {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const dir = mkdtempSync(join(tmpdir(), 'parley-native-'));
  try {
    const copy = join(dir, 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (file) => !file.startsWith(join(source, 'build')) });
    return work(copy, createRequire(join(source, 'package.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A child's environment without npm's `nodedir`: set (as on some Linux setups) it would point
 * node-gyp at Node's headers instead of Electron's and build a module Electron cannot load.
 */
function envForElectronBuild() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name.toLowerCase() !== 'npm_config_nodedir'));
}

const target = (version) => ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`];

/** Step 2: the binary better-sqlite3 publishes for this Electron, if there is one. */
function downloadPrebuilt(copy, packageRequire, version) {
  say(`fetching better-sqlite3's prebuilt binary for Electron ${version} (${process.platform}-${process.arch})…`);
  return runNode(packageRequire.resolve('prebuild-install/bin.js'), [...target(version), `--platform=${process.platform}`], { cwd: copy, env: envForElectronBuild() });
}

/** Step 3, only when there is no prebuilt binary: compile with node-gyp against Electron's headers. */
function compile(copy, version) {
  say(`no prebuilt binary; compiling better-sqlite3 for Electron ${version} (needs Python and a C++ toolchain)…`);
  const compiled = runNode(
    require.resolve('node-gyp/bin/node-gyp.js'),
    ['rebuild', '--release', ...target(version), '--dist-url=https://electronjs.org/headers'],
    { cwd: copy, env: envForElectronBuild() },
  );
  if (!compiled) {
    const help = TOOLCHAIN_HELP[process.platform] ?? TOOLCHAIN_HELP.linux;
    throw new StepFailed(`better-sqlite3 could not be compiled for Electron ${version}. ${help} Then run \`npm start\` again.`);
  }
}

function buildNativeModule(version, destination) {
  withPackageCopy((copy, packageRequire) => {
    if (!downloadPrebuilt(copy, packageRequire, version)) compile(copy, version);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), destination);
  });
  say(`ready: ${destination}`);
}

function main() {
  if (!existsSync(join(electronDir, 'package.json'))) {
    say('the electron package is not installed; run `npm install` first.');
    process.exitCode = 1;
    return;
  }
  const version = electronVersion();
  try {
    ensureElectronBinary(version);
    const destination = electronNativeBindingPath(version);
    if (existsSync(destination)) return;
    buildNativeModule(version, destination);
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    console.error(`electronNative: ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
