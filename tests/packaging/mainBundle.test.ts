/**
 * The built main process and preload, run under Node against a stand-in Electron
 * (support/electronStandIn.ts): no Electron binary can run here, but the bundle that ships can.
 * What Electron's security checklist asks of the code is checked on what the bundle actually
 * does, not on its text: the window's webPreferences, navigation, new windows and webviews,
 * permissions, the app:// protocol and its CSP, the sender check on every IPC channel, what the
 * preload exposes. And the faults: they reach the log, redacted, a crashed window is reopened,
 * Show logs is offered, and none of it fails when the log cannot be written.
 * Needs `npm run build` first (npm test does it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/security/contentSecurityPolicy';

const APP_PAGE = 'app://parley/index.html';

async function runBundle(mode?: '--full-disk') {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-bundle-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/packaging/support/electronStandInHooks.mjs', 'tests/packaging/support/mainBundleDriver.ts', dataDir, ...(mode ? [mode] : [])],
      { cwd: resolve('.'), maxBuffer: 64 * 1024 * 1024 },
    );
    const line = stdout.split('\n').find((text) => text.startsWith('REPORT '));
    if (!line) throw new Error(`The driver printed no report:\n${stdout}`);
    return { dataDir, report: JSON.parse(line.slice('REPORT '.length)) };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

type Report = Awaited<ReturnType<typeof runBundle>>['report'];
let report: Report;
let dataDir: string;

beforeAll(async () => {
  ({ report, dataDir } = await runBundle());
}, 120_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('the built main bundle', () => {
  it('opens the one window on the app protocol, isolated, sandboxed, without Node', () => {
    expect(report.loadedUrl).toBe(APP_PAGE);
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    for (const risky of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'experimentalFeatures', 'enableBlinkFeatures', 'enableRemoteModule']) {
      expect(report.webPreferences, risky).not.toHaveProperty(risky);
    }
    expect(report.preloadExists).toBe(true);
    expect(report.errorBoxes).toEqual([]);
  });

  it('lets the window navigate nowhere but the app, opens no window, attaches no webview', () => {
    expect(report.navigation).toEqual({
      [APP_PAGE]: { navigationPrevented: false, redirectPrevented: false, windowOpen: 'deny' },
      'app://parley/other.html': { navigationPrevented: false, redirectPrevented: false, windowOpen: 'deny' },
      'https://evil.example/': { navigationPrevented: true, redirectPrevented: true, windowOpen: 'deny' },
      'http://127.0.0.1:1/': { navigationPrevented: true, redirectPrevented: true, windowOpen: 'deny' },
      'file:///etc/passwd': { navigationPrevented: true, redirectPrevented: true, windowOpen: 'deny' },
      'javascript:alert(1)': { navigationPrevented: true, redirectPrevented: true, windowOpen: 'deny' },
      'mailto:someone@example.com': { navigationPrevented: true, redirectPrevented: true, windowOpen: 'deny' },
    });
    // A new-window request for a web or mail link goes to the system browser instead, nothing else does.
    expect(report.openedExternally).toEqual(['https://evil.example/', 'http://127.0.0.1:1/', 'mailto:someone@example.com']);
    expect(report.webviewAttach).toEqual({ prevented: true });
  });

  it('grants no permission but writing the clipboard, and that only to the app', () => {
    for (const [asked, answer] of Object.entries(report.permissions as Record<string, { requested: boolean; checked: boolean }>)) {
      const allowed = asked === 'clipboard-sanitized-write from app://parley';
      expect(answer, asked).toEqual({ requested: allowed, checked: allowed });
    }
  });

  it('serves the page with the CSP, and nothing outside the renderer or from another host', () => {
    expect(report.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(report.protocol.page).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' });
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(report.protocol.outside.status).toBe(404);
    expect(report.protocol.otherHost.status).toBe(404);
  });

  it('refuses every IPC channel to anything but the app’s own top frame', () => {
    expect(report.ipc.channels.length).toBeGreaterThan(10);
    for (const [channel, answers] of Object.entries(report.ipc.refused)) {
      expect(answers, channel).toEqual({ otherOrigin: 'forbidden-sender', iframe: 'forbidden-sender', gone: 'forbidden-sender' });
    }
    expect(report.ipc.settingsFromApp).toBe(true);
    const streams = Object.values(report.ipc.streams as Record<string, { type: string; result: { ok: boolean; error: { code: string } } }[]>);
    expect(streams).toHaveLength(1);
    expect(streams[0]).toEqual([expect.objectContaining({ type: 'done', result: expect.objectContaining({ error: expect.objectContaining({ code: 'forbidden-sender' }) }) })]);
  });

  it('the preload exposes named functions only, on channels main handles', () => {
    expect(report.preload.exposedNames).toEqual(['parley']);
    expect(report.preload.memberTypes).toEqual(['function']);
    expect(report.preload.invokedChannels.length).toBeGreaterThan(10);
    for (const channel of report.preload.invokedChannels) expect(report.ipc.channels).toContain(channel);
    expect(report.preload.postedChannels).toEqual(Object.keys(report.ipc.streams));
  });
});

describe('faults in the built app', () => {
  it('logs what nobody caught, the page’s errors, crashes and hangs, and keeps running', () => {
    const log: string = report.faults.log;
    expect(log).toMatch(/ERROR Uncaught exception in main \(Parley kept running\): Error: a timer in main failed/);
    expect(log).toMatch(/ERROR Unhandled promise rejection in main: Error: nobody awaited this/);
    expect(log).toContain('ERROR Page console error: Uncaught TypeError: page broke (app://parley/assets/index.js:3)');
    expect(log).not.toContain('just chatter');
    expect(log).toContain("ERROR The window's renderer process is gone: crashed (exit code 139)");
    expect(log).toContain('WARN  The window stopped responding');
  });

  it('reopens a crashed or hung window and then offers Show logs', () => {
    expect(report.faults.reloads).toBe(2);
    expect(report.faults.messageBoxes.map((box: { message: string }) => box.message)).toEqual([
      'Something went wrong in Parley',
      'Parley’s window stopped unexpectedly and was reopened',
      'Parley’s window is not responding',
      'Parley’s window was reloaded',
    ]);
    expect(report.faults.messageBoxes[1].buttons).toContain('Show logs');
    expect(report.faults.openedPaths).toEqual(Array(3).fill(join(dataDir, 'logs')));
  });

  it('survives a log that cannot be written (a full disk) the same way', async () => {
    const full = await runBundle('--full-disk');
    try {
      expect(full.report.loadedUrl).toBe(APP_PAGE);
      expect(full.report.faults.messageBoxes).toHaveLength(4);
      expect(full.report.faults.reloads).toBe(2);
    } finally {
      await rm(full.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
