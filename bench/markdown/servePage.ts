import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../main/security/contentSecurityPolicy';

export interface ServedPage {
  url: string;
  /** The same page without the Content Security Policy: for baselines, which must pay no CSP penalty. */
  urlWithoutCsp: string;
  close(): Promise<void>;
}

/**
 * Builds the Markdown page (bench/markdown/page) with Vite in production mode and serves it on
 * loopback with the app's own Content Security Policy, so what runs in Chromium is what ships.
 */
export function serveMarkdownPage(): Promise<ServedPage> {
  return servePage(join(import.meta.dirname, 'page'));
}

/** The same for any bench page: `root` holds its index.html. */
export async function servePage(root: string): Promise<ServedPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-bench-page-'));
  const config = { configFile: false as const, root, base: './', logLevel: 'error' as const, plugins: [react()] };
  await build({ ...config, build: { outDir, emptyOutDir: true } });
  // Cross-origin isolation gives the page's performance.now() 5 µs steps instead of 100 µs, so a
  // chunk that costs about a millisecond is measured to 0.01 ms.
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const serve = (headers: Record<string, string>) => preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 0, headers: { ...isolated, ...headers } } });
  const servers = [await serve({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY }), await serve({})];
  const [url, urlWithoutCsp] = servers.map((server) => server.resolvedUrls?.local[0]);
  if (!url || !urlWithoutCsp) throw new Error(`The bench page server for ${root} has no address`);
  return {
    url,
    urlWithoutCsp,
    async close() {
      for (const server of servers) await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
