/**
 * Runs the built main bundle (dist-electron/main/index.js) and preload (dist-electron/preload/
 * index.cjs) against the stand-in Electron, acts as Electron and as a hostile page would, and
 * prints what happened as one `REPORT {json}` line for tests/packaging/mainBundle.test.ts.
 *
 *   node --import tsx --import ./tests/packaging/support/electronStandInHooks.mjs \
 *     tests/packaging/support/mainBundleDriver.ts <data folder> [--full-disk]
 *
 * `--full-disk` makes every write to the log fail, as on a full disk, before the app starts.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { record, type StandInWebContents } from './electronStandIn';
import * as electronStandIn from './electronStandIn';

const [dataDir = '', mode] = process.argv.slice(2);
const root = process.cwd();
const APP_PAGE = 'app://parley/index.html';
const logFile = path.join(dataDir, 'logs', 'parley.log');

/** Waits for a state the app reaches by itself (its start is asynchronous). */
async function until<T>(what: string, value: () => T | null | undefined | false): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const current = value();
    if (current) return current;
    if (Date.now() > deadline) throw new Error(`The app never reached: ${what}`);
    await new Promise((next) => setTimeout(next, 10));
  }
}

const navigationEvent = () => {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
};

function probeNavigation(contents: StandInWebContents, urls: string[]) {
  return Object.fromEntries(
    urls.map((url) => {
      const navigate = navigationEvent();
      contents.emit('will-navigate', navigate, url);
      const redirect = navigationEvent();
      contents.emit('will-redirect', redirect, url);
      const opened = contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }) as { action: string } | undefined;
      return [url, { navigationPrevented: navigate.prevented, redirectPrevented: redirect.prevented, windowOpen: opened?.action ?? 'no handler' }];
    }),
  );
}

function probePermissions(origins: string[], permissions: string[]) {
  const request = record.permissionRequestHandler as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  const check = record.permissionCheckHandler as ((contents: unknown, permission: string, origin: string) => boolean) | null;
  const results: Record<string, { requested: boolean | null; checked: boolean | null }> = {};
  for (const origin of origins) {
    for (const permission of permissions) {
      let requested: boolean | null = null;
      request?.({ getURL: () => `${origin}/index.html` }, permission, (granted) => (requested = granted));
      results[`${permission} from ${origin}`] = { requested, checked: check ? check({ getURL: () => `${origin}/index.html` }, permission, origin) : null };
    }
  }
  return results;
}

async function probeProtocol() {
  const handler = record.protocolHandlers.get('app');
  if (!handler) return null;
  const answer = async (url: string) => {
    const response = await handler(new Request(url));
    return { status: response.status, csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options') };
  };
  return { page: await answer(APP_PAGE), outside: await answer('app://parley/../../package.json'), otherHost: await answer('app://evil/index.html') };
}

async function probeIpc() {
  const senders = {
    otherOrigin: { url: 'https://evil.example/index.html', parent: null },
    iframe: { url: APP_PAGE, parent: { url: APP_PAGE } },
    gone: null,
  };
  const refused: Record<string, Record<string, unknown>> = {};
  for (const [channel, handler] of record.ipcHandlers) {
    refused[channel] = {};
    for (const [name, senderFrame] of Object.entries(senders)) {
      const result = (await (handler as (event: unknown, payload: unknown) => Promise<unknown>)({ senderFrame }, {})) as { ok: boolean; error?: { code: string } };
      refused[channel][name] = result.ok ? 'accepted' : result.error?.code;
    }
  }
  const settings = record.ipcHandlers.get('settings:get') as ((event: unknown, payload: unknown) => Promise<{ ok: boolean }>) | undefined;
  const fromApp = settings ? (await settings({ senderFrame: { url: APP_PAGE, parent: null } }, {})).ok : null;

  const streams: Record<string, unknown> = {};
  for (const [channel, listener] of record.ipcListeners) {
    if (channel === 'electron-store-get-data') continue;
    const posted: unknown[] = [];
    const port = { postMessage: (message: unknown) => posted.push(message), close() {}, on() {}, start() {} };
    (listener as (event: unknown, payload: unknown) => void)({ senderFrame: senders.otherOrigin, ports: [port] }, { conversationId: 'x' });
    streams[channel] = posted;
  }
  return { channels: [...record.ipcHandlers.keys()], refused, settingsFromApp: fromApp, streams };
}

/** Faults as they really happen: a throw nobody catches, a rejection nobody handles, a crash, a hang. */
async function provokeFaults(window: electronStandIn.StandInBrowserWindow) {
  const contents = window.webContents;
  record.answerMessageBox = (message, buttons) => buttons.indexOf(/not responding/.test(message) ? 'Reload window' : 'Show logs');
  const boxes = () => record.messageBoxes.length;
  // An offer is over once Show logs has opened the folder; only then can the next one be made.
  const logsShown = () => record.openedPaths.length;

  setTimeout(() => {
    throw new Error('a timer in main failed');
  });
  void Promise.reject(new Error('nobody awaited this'));
  await until('the uncaught exception offered the logs', () => logsShown() >= 1);

  contents.emit('console-message', { level: 'error', message: 'Uncaught TypeError: page broke', lineNumber: 3, sourceId: 'app://parley/assets/index.js' });
  contents.emit('console-message', { level: 'info', message: 'just chatter', lineNumber: 4, sourceId: 'app://parley/assets/index.js' });

  contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  contents.emit('did-finish-load');
  await until('the crash offered the logs', () => logsShown() >= 2);

  window.emit('unresponsive');
  await until('the hung window was ended for a reload', () => contents.crashedByApp === 1);
  contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  contents.emit('did-finish-load');
  await until('the reload offered the logs', () => logsShown() >= 3 && boxes() >= 4);

  return {
    reloads: contents.reloads,
    messageBoxes: record.messageBoxes,
    openedPaths: record.openedPaths,
    log: mode === '--full-disk' ? null : readFileSync(logFile, 'utf8'),
  };
}

/** The preload bundle as Electron loads it (CommonJS, `require('electron')`), against the stand-in. */
function loadPreload() {
  const file = path.join(root, 'dist-electron/preload/index.cjs');
  const realRequire = createRequire(file);
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', readFileSync(file, 'utf8')) as (require: (id: string) => unknown, module: unknown, exports: unknown) => void;
  run((id) => (id === 'electron' ? electronStandIn : realRequire(id)), module, module.exports);
  const exposed = [...record.exposedInMainWorld.entries()];
  const [, api] = exposed[0] ?? [];
  const members = Object.entries((api ?? {}) as Record<string, unknown>);
  for (const [, member] of members) {
    try {
      if (typeof member === 'function') (member as () => unknown)();
    } catch {
      // Functions that need arguments throw here; the channels the others use are what counts.
    }
  }
  return {
    exposedNames: exposed.map(([name]) => name),
    memberTypes: [...new Set(members.map(([, member]) => typeof member))],
    invokedChannels: [...new Set(record.rendererInvokes)],
    postedChannels: [...new Set(record.rendererPosts)],
  };
}

async function main() {
  if (mode === '--full-disk') {
    mkdirSync(path.dirname(logFile), { recursive: true });
    if (existsSync('/dev/full')) symlinkSync('/dev/full', logFile);
    else mkdirSync(logFile);
  }
  process.argv.push(`--data-dir=${dataDir}`);
  await import(path.join(root, 'dist-electron/main/index.js'));
  const window = await until('the main window', () => record.windows[0]);
  await until('the IPC handlers', () => record.ipcHandlers.size > 0);

  const report = {
    privilegedSchemes: record.privilegedSchemes,
    webPreferences: window.options.webPreferences,
    preloadExists: existsSync(String((window.options.webPreferences as { preload?: string }).preload)),
    loadedUrl: window.loadedUrl,
    navigation: probeNavigation(window.webContents, [APP_PAGE, 'app://parley/other.html', 'https://evil.example/', 'http://127.0.0.1:1/', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:someone@example.com']),
    openedExternally: record.openedExternally,
    webviewAttach: (() => {
      const event = navigationEvent();
      window.webContents.emit('will-attach-webview', event, {}, {});
      return { prevented: event.prevented };
    })(),
    permissions: probePermissions(['app://parley', 'https://evil.example'], ['clipboard-sanitized-write', 'media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']),
    protocol: await probeProtocol(),
    ipc: await probeIpc(),
    errorBoxes: record.errorBoxes,
    faults: await provokeFaults(window),
    preload: loadPreload(),
  };
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

await main();
