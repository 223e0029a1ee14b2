import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../main/security/contentSecurityPolicy';

export interface ServedPage {
  url: string;
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
  const server = await preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 0, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`The bench page server for ${root} has no address`);
  return {
    url,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
