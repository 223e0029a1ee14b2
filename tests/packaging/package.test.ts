/**
 * Packs the app the way `npm run dist` does, minus the installer step, and checks what ends up
 * in `app.asar`. No Electron binary can be downloaded here, so electron-builder gets a stub
 * `electronDist`; everything else (file filters, asar, unpacking, fuses) is the real config.
 *
 * It runs on a copy of the project with decoys planted (a `.env`, source maps, a key file,
 * tests, TypeScript sources), so the "nothing it should not" checks can actually fail.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const pkg = readJson(join(root, 'package.json')) as { main: string; dependencies: Record<string, string> };
const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version as string;

const BUILT = ['dist/renderer/index.html', 'dist-electron/main/index.js', 'dist-electron/preload/index.cjs'];
/** Looks like a real key; the test makes sure it never reaches the package. */
const DECOY_KEY = `sk-${'parleyDecoy'.repeat(4)}`;
/** Planted in the project copy: each must be left out by electron-builder.yml. */
const DECOYS: Record<string, string> = {
  '.env': `PARLEY_API_KEY=${DECOY_KEY}\n`,
  'dist/.env.production': `PARLEY_API_KEY=${DECOY_KEY}\n`,
  'dist/renderer/assets/decoy.js.map': '{"version":3,"sources":["../../renderer/main.tsx"]}',
  'dist-electron/main/decoy.ts': 'export {};\n',
  'dist-electron/signing.pem': `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(2)}\n-----END PRIVATE KEY-----\n`,
  'dist/tests/decoy.test.js': 'test("never shipped", () => {});\n',
  'tests/unit/decoy.test.ts': 'export {};\n',
  'main/index.ts': 'export {};\n',
};
/** Strings shaped like credentials: OpenAI-style, private keys, AWS, GitHub, Slack, and `apiKey = "…"` literals. */
const KEY_PATTERNS = [
  /\bsk-[A-Za-z0-9_-]{32,}/,
  // A key's body, not only its header: libraries that read keys (jose, under the MCP SDK) name the header.
  /-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n[A-Za-z0-9+/=]{40,}/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}/,
  /\b(?:api[_-]?key|secret|token)["']?\s*[:=]\s*["'][A-Za-z0-9_-]{32,}["']/i,
];

/** Where a fuse wire starts in an Electron binary, and a fuse's two states ('0' and '1' as bytes):
 * @electron/fuses uses these but does not export them. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const OFF = 0x30;
const ON = 0x31;

/** A file that electron-builder copies as "the Electron executable". It carries a fuse wire
 * in Electron's default states (RunAsNode on, cookie encryption off, …), so @electron/fuses can
 * flip it and read it back like a real binary. electron-builder needs nothing else in the folder. */
function writeStubElectron(dir: string): void {
  const defaults = '10110001';
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, defaults.length]), Buffer.from(defaults)]);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 });
}

function copyProject(dest: string): void {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(join(root, file), join(dest, file));
  for (const dir of ['dist', 'dist-electron', 'assets']) cpSync(join(root, dir), join(dest, dir), { recursive: true });
  // A junction needs no admin rights on Windows; elsewhere the type is ignored.
  symlinkSync(join(root, 'node_modules'), join(dest, 'node_modules'), 'junction');
  for (const [file, text] of Object.entries(DECOYS)) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    writeFileSync(join(dest, file), text);
  }
}

let work: string;
let appDir: string;
let asarPath: string;
let entries: string[];
let cacheDir: string;

beforeAll(async () => {
  const missing = BUILT.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    throw new Error(`The app is not built (missing ${missing.join(', ')}): run \`npm run build\` first (\`npm test\` does).`);
  }
  work = mkdtempSync(join(tmpdir(), 'parley-package-'));
  const project = join(work, 'project');
  const electronDist = join(work, 'electron-dist');
  cacheDir = join(work, 'cache');
  copyProject(project);
  writeStubElectron(electronDist);

  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    cli, '--dir', '--linux', '--x64', '--projectDir', project,
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${electronVersion}`,
    // Real builds rebuild better-sqlite3 for Electron's ABI; that needs Electron's headers
    // from the network, so here the package keeps its Node build (the file layout is the same).
    '-c.npmRebuild=false',
    `-c.directories.output=${join(work, 'out')}`,
    // The release workflow names the GitHub repository (for app-update.yml); this copy
    // has no .git, and under CI=true an unknown repository is an error.
    '-c.publish.owner=parley-test',
    '-c.publish.repo=parley',
  ];
  const env = {
    ...process.env,
    // Any download would land in these (checked empty below) or hit a dead proxy and fail fast.
    ELECTRON_BUILDER_CACHE: cacheDir,
    ELECTRON_CACHE: cacheDir,
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  };
  try {
    await promisify(execFile)(process.execPath, args, { cwd: project, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder --dir failed:\n${stdout}\n${stderr}`, { cause: error });
  }
  appDir = join(work, 'out', 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, 150_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Entries are kept as `/a/b`; @electron/asar looks files up with the OS's separator. */
const inArchive = (entry: string): string => join(...entry.slice(1).split('/'));
const readEntry = (entry: string): string => extractFile(asarPath, inArchive(entry)).toString('utf8');

describe('the packaged app (electron-builder --dir, stub Electron)', () => {
  it('downloads nothing', () => {
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });

  it('holds main, preload and the renderer with every asset index.html loads', () => {
    for (const file of BUILT) expect(entries).toContain(`/${file}`);
    const html = readEntry('/dist/renderer/index.html');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => `/dist/renderer/${match[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(entries).toContain(asset);
  });

  it('has a package.json whose main is the built main process', () => {
    const packed = JSON.parse(readEntry('/package.json')) as { main?: string };
    expect(packed.main).toBe(pkg.main);
    expect(entries).toContain(`/${pkg.main}`);
  });

  it('holds the production dependencies and none of the development ones', () => {
    for (const dependency of Object.keys(pkg.dependencies)) expect(entries).toContain(`/node_modules/${dependency}/package.json`);
    expect(entries).toContain('/node_modules/better-sqlite3/lib/index.js');
    // React is bundled into the renderer; the rest are build and test tools.
    for (const devOnly of ['vite', 'react', 'react-dom', 'vitest', 'playwright', '@playwright/test', 'electron', 'electron-builder', 'typescript', 'eslint', 'tsx', 'jsdom']) {
      expect(entries).not.toContain(`/node_modules/${devOnly}`);
    }
  });

  it('unpacks native modules next to the archive, where Electron can load them', () => {
    const natives = entries.filter((entry) => entry.endsWith('.node'));
    expect(natives).toContain('/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    for (const entry of natives) {
      expect(statFile(asarPath, inArchive(entry)), entry).toMatchObject({ unpacked: true });
      expect(existsSync(join(`${asarPath}.unpacked`, entry)), entry).toBe(true);
    }
    // The C sources and build leftovers stay behind.
    expect(entries.filter((entry) => /better-sqlite3\/(deps|src|build\/Release\/obj)/.test(entry))).toEqual([]);
  });

  it('leaves out tests, sources, source maps, .env files, key files and the decoys', () => {
    const forbidden = entries.filter((entry) =>
      /^\/(tests|main|preload|renderer|scripts|bench|native|assets)(\/|$)|\/(tests?|__tests__)\/|\.(ts|tsx|mts|cts|map|pem|key|p12|pfx)$|\/\.env(\.|$)/.test(entry),
    );
    expect(forbidden).toEqual([]);
  });

  it('contains nothing that looks like an API key', () => {
    const files = entries.filter((entry) => {
      const stat = statFile(asarPath, inArchive(entry));
      return 'size' in stat && !stat.unpacked;
    });
    expect(files.length).toBeGreaterThan(100);
    const leaks = files.flatMap((entry) => {
      const text = readEntry(entry);
      return text.includes(DECOY_KEY) || KEY_PATTERNS.some((pattern) => pattern.test(text)) ? [entry] : [];
    });
    expect(leaks).toEqual([]);
  });

  it('tells electron-updater where releases come from', () => {
    const updateConfig = readFileSync(join(appDir, 'resources', 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/^provider: github$/m);
    expect(updateConfig).toMatch(/^repo: parley$/m);
  });

  it('applies the fuses from electron-builder.yml to the Electron executable', async () => {
    // Linux executableName from electron-builder.yml; the stub carries a fuse wire, so this reads real flips.
    const wire = await getCurrentFuseWire(join(appDir, 'parley'));
    const state = (option: FuseV1Options): number | undefined => wire[option];
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspect: state(FuseV1Options.EnableNodeCliInspectArguments),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      fileProtocolPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: OFF,
      nodeOptions: OFF,
      inspect: OFF,
      cookieEncryption: ON,
      asarIntegrity: ON,
      onlyFromAsar: ON,
      fileProtocolPrivileges: OFF,
    });
  });
});
