/**
 * Chromium driven over a bare DevTools connection that only evaluates script in the page. Playwright
 * turns on the protocol's Network domain, which copies every WebSocket frame the page receives into
 * its event stream on the page's main thread: 35–85 ms for the 1.4 MB a 1,000-message conversation
 * arrives in (0.3 ms without it, measured on this machine), a cost no person's window pays. Benches
 * that time what arrives over web mode's WebSocket use this page instead.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
const STARTUP_MS = 30_000;

export interface BarePage {
  /** Evaluates `expression` in the page, awaiting a promise, and resolves with its value. */
  evaluate(expression: string): Promise<unknown>;
  /** Resolves once `expression` is truthy in the page, checked each frame. */
  waitFor(expression: string): Promise<void>;
  /** Any other DevTools method (Performance, Input…), resolving with its result. */
  call(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  error?: { message: string };
}

/** Chromium showing `url` at `width`×`height`, with nothing attached but this connection. */
export async function openBarePage(url: string, { width, height }: { width: number; height: number }): Promise<BarePage> {
  const profile = mkdtempSync(path.join(tmpdir(), 'parley-bench-chromium-'));
  const browser = spawn(
    SYSTEM_CHROMIUM ?? chromium.executablePath(),
    ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${width},${height}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', url],
    { stdio: 'ignore' },
  );
  const close = async () => {
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    browser.kill();
    await exited;
    // Chromium's helper processes can still be writing to the profile for a moment after it exits (ENOTEMPTY).
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    const socket = await connectToPage(profile, url);
    const pending = new Map<number, (reply: Reply) => void>();
    socket.addEventListener('message', (event: MessageEvent<string>) => {
      const reply = JSON.parse(event.data) as Reply;
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
    let nextId = 1;
    const send = (method: string, params: object = {}) =>
      new Promise<Reply>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      });
    const evaluate = async (expression: string) => {
      const reply = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      const failure = reply.error?.message ?? reply.result?.exceptionDetails?.exception?.description ?? reply.result?.exceptionDetails?.text;
      if (failure !== undefined) throw new Error(failure);
      return reply.result?.result?.value;
    };
    await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    await loaded(evaluate, new URL(url).origin);
    return {
      evaluate,
      waitFor: async (expression) => {
        await evaluate(`new Promise((resolve) => { const check = () => ((${expression}) ? resolve() : requestAnimationFrame(check)); check(); })`);
      },
      call: async (method, params) => {
        const reply = await send(method, params);
        if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
        return reply.result ?? {};
      },
      close: async () => {
        socket.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Resolves once the page's own document (at `origin`) has loaded: until then the blank one it
 * replaces may answer, even "complete", then vanish.
 */
async function loaded(evaluate: (expression: string) => Promise<unknown>, origin: string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  const ready = `document.readyState === 'complete' && location.origin === ${JSON.stringify(origin)}`;
  while ((await evaluate(ready).catch(() => false)) !== true) {
    if (Date.now() > deadline) throw new Error('The page did not load');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The page's DevTools socket, once Chromium has written its port and opened the page. */
async function connectToPage(profile: string, url: string): Promise<WebSocket> {
  const portFile = path.join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error('Chromium did not open the page');
    const port = existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : '';
    const targets = port ? ((await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[]) : [];
    const page = targets.find((target) => target.type === 'page' && target.url.startsWith(new URL(url).origin));
    if (page) {
      const socket = new WebSocket(page.webSocketDebuggerUrl);
      await new Promise((resolve, reject) => {
        socket.addEventListener('open', resolve);
        socket.addEventListener('error', reject);
      });
      return socket;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
