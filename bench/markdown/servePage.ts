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
export async function serveMarkdownPage(): Promise<ServedPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-markdown-page-'));
  const config = { configFile: false as const, root: join(import.meta.dirname, 'page'), base: './', logLevel: 'error' as const, plugins: [react()] };
  await build({ ...config, build: { outDir, emptyOutDir: true } });
  const server = await preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 0, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The Markdown page server has no address');
  return {
    url,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
