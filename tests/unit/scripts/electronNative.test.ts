/**
 * The first `npm start` on a fresh clone: scripts/electronNative.mjs must fetch the Electron
 * binary before anything needs it, then take better-sqlite3's prebuilt binary for that Electron,
 * and compile only when there is none. The real downloads cannot happen here, so the script runs
 * in a stand-in project: Electron's install script, prebuild-install and node-gyp are small
 * scripts that write what the real ones would and note each call in a journal. Nothing touches
 * the network.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ELECTRON_VERSION = '45.5.0';
const NODE_BUILD = 'better-sqlite3 built for Node';
const script = resolve('scripts/electronNative.mjs');
/** A line of each system's advice for compiling (node-gyp's requirements). */
const TOOLCHAIN_ADVICE: Record<string, string> = {
  darwin: 'xcode-select --install',
  win32: 'Desktop development with C++',
  linux: 'sudo apt-get install python3 make g++',
};

interface JournalEntry {
  step: 'electron-install' | 'prebuild-install' | 'node-gyp';
  args: string[];
  nodedir: string | null;
}

let project: string;
const at = (...parts: string[]) => join(project, ...parts);
const nativeBuild = () => at('native', `electron-${ELECTRON_VERSION}-${process.platform}-${process.arch}`, 'better_sqlite3.node');

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A stand-in Node script that notes its call in journal.jsonl and then runs `body`. */
const standIn = (step: JournalEntry['step'], body: string) => `
const fs = require('node:fs');
const path = require('node:path');
fs.appendFileSync(process.env.STAND_IN_JOURNAL, JSON.stringify({ step: ${JSON.stringify(step)}, args: process.argv.slice(2), nodedir: process.env.npm_config_nodedir ?? null }) + '\\n');
${body}
`;

const writeBinary = (text: string) => `
fs.mkdirSync(path.join('build', 'Release'), { recursive: true });
fs.writeFileSync(path.join('build', 'Release', 'better_sqlite3.node'), ${JSON.stringify(text)} + process.argv.slice(2).join(' '));
`;

interface Scenario {
  download: boolean;
  prebuilt: boolean;
  toolchain: boolean;
}

/** A project with the script, a not-yet-downloaded electron package, and better-sqlite3 built for Node. */
function standInProject({ download, prebuilt, toolchain }: Scenario): void {
  cpSync(script, at('scripts', 'electronNative.mjs'));
  write(at('package.json'), JSON.stringify({ name: 'stand-in', type: 'module' }));
  write(at('node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: ELECTRON_VERSION }));
  write(
    at('node_modules', 'electron', 'install.js'),
    standIn(
      'electron-install',
      download
        ? `fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
           fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), 'stand-in Electron');
           fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`
        : `console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);`,
    ),
  );
  write(at('node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  write(at('node_modules', 'better-sqlite3', 'lib', 'index.js'), 'module.exports = {};\n');
  write(at('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), NODE_BUILD);
  write(at('node_modules', 'prebuild-install', 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.1.3' }));
  write(at('node_modules', 'prebuild-install', 'bin.js'), standIn('prebuild-install', prebuilt ? writeBinary('prebuilt ') : 'process.exit(1);'));
  write(at('node_modules', 'node-gyp', 'package.json'), JSON.stringify({ name: 'node-gyp', version: '12.4.0' }));
  write(
    at('node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    standIn('node-gyp', toolchain ? writeBinary('compiled ') : `console.error('gyp ERR! find Python'); process.exit(1);`),
  );
}

async function runScript(): Promise<{ code: number; output: string; journal: JournalEntry[] }> {
  const env = { ...process.env, STAND_IN_JOURNAL: at('journal.jsonl'), npm_config_nodedir: '/usr' };
  const { code, output } = await promisify(execFile)(process.execPath, [at('scripts', 'electronNative.mjs')], { env, cwd: project }).then(
    (result) => ({ code: 0, output: result.stdout + result.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, output: failed.stdout + failed.stderr }),
  );
  const journalFile = at('journal.jsonl');
  const journal = existsSync(journalFile)
    ? readFileSync(journalFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as JournalEntry)
    : [];
  rmSync(journalFile, { force: true });
  return { code, output, journal };
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'parley-first-start-'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('first start (scripts/electronNative.mjs)', () => {
  it('fetches Electron first, then better-sqlite3 prebuilt for that Electron, and compiles nothing', async () => {
    standInProject({ download: true, prebuilt: true, toolchain: true });
    const { code, journal } = await runScript();
    expect(code).toBe(0);
    expect(journal.map((entry) => entry.step)).toEqual(['electron-install', 'prebuild-install']);
    expect(journal[1]?.args).toEqual(expect.arrayContaining(['--runtime=electron', `--target=${ELECTRON_VERSION}`, `--arch=${process.arch}`]));
    expect(readFileSync(nativeBuild(), 'utf8')).toMatch(/^prebuilt .*--runtime=electron/);
    expect(readFileSync(at('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(NODE_BUILD);
  });

  it('compiles against Electron’s headers only when no prebuilt binary exists', async () => {
    standInProject({ download: true, prebuilt: false, toolchain: true });
    const { code, journal, output } = await runScript();
    expect(code).toBe(0);
    expect(journal.map((entry) => entry.step)).toEqual(['electron-install', 'prebuild-install', 'node-gyp']);
    expect(journal[2]?.args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', `--target=${ELECTRON_VERSION}`, '--dist-url=https://electronjs.org/headers']));
    // npm's `nodedir` (set on some machines) would point node-gyp at Node's headers instead.
    expect(journal.filter((entry) => entry.step !== 'electron-install').map((entry) => entry.nodedir)).toEqual([null, null]);
    expect(readFileSync(nativeBuild(), 'utf8')).toMatch(/^compiled /);
    expect(output).toContain('needs Python and a C++ toolchain');
  });

  it('says exactly what to install when compiling fails, and fails the start', async () => {
    standInProject({ download: true, prebuilt: false, toolchain: false });
    const { code, output } = await runScript();
    expect(code).not.toBe(0);
    expect(output).toContain(`better-sqlite3 could not be compiled for Electron ${ELECTRON_VERSION}`);
    expect(output).toContain('Python');
    expect(output).toContain(TOOLCHAIN_ADVICE[process.platform] ?? TOOLCHAIN_ADVICE.linux);
    expect(existsSync(nativeBuild())).toBe(false);
  });

  it('stops before any build when Electron cannot be downloaded, and says how to get it', async () => {
    standInProject({ download: false, prebuilt: true, toolchain: true });
    const { code, output, journal } = await runScript();
    expect(code).not.toBe(0);
    expect(journal.map((entry) => entry.step)).toEqual(['electron-install']);
    expect(output).toContain(`could not download Electron ${ELECTRON_VERSION}`);
    expect(output).toMatch(/ELECTRON_MIRROR/);
    expect(output).toMatch(/HTTPS_PROXY/);
  });

  it('does nothing on the second start', async () => {
    standInProject({ download: true, prebuilt: true, toolchain: true });
    await runScript();
    const second = await runScript();
    expect(second.code).toBe(0);
    expect(second.journal).toEqual([]);
  });

  it('npm start and npm run dev run it before Electron starts', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['start', 'dev']) {
      const command = scripts[name] ?? '';
      const prepare = command.indexOf('node scripts/electronNative.mjs');
      expect(prepare, name).toBeGreaterThanOrEqual(0);
      expect(prepare, name).toBeLessThan(command.search(/\belectron \.|\bvite\b/));
    }
  });
});
