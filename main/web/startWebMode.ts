/**
 * Starts web mode: main's real services (settings through `conf`, a key kept in memory)
 * behind the loopback bridge. Used by `npm run web` and by the UI specs.
 */
import { mkdir } from 'node:fs/promises';
import type { Notice } from '../../preload/contract';
import { createMemoryCipher } from '../secrets/memoryCipher';
import { createAppRouter } from '../services';
import { createConfStore } from '../settings/createConfStore';
import { startWebServer, type WebServer } from './webServer';

export interface WebModeOptions {
  dataDir: string;
  staticDir: string;
  port?: number;
  /** Overrides the saved base URL, e.g. to point at a local server. */
  baseURL?: string;
  envKey?: string | null;
  stallTimeoutMs?: number;
  /** Web mode has no OS browser to open links with; it reports them here instead. */
  onOpenLink?: (url: string) => void;
}

export async function startWebMode(options: WebModeOptions): Promise<WebServer> {
  await mkdir(options.dataDir, { recursive: true });
  const settingsFile = createConfStore(options.dataDir, 'config');
  const secretsFile = createConfStore(options.dataDir, 'secrets');
  const notices = [settingsFile.notice, secretsFile.notice].filter((notice): notice is Notice => notice !== null);

  const router = createAppRouter({
    dataDir: options.dataDir,
    settingsStore: settingsFile.store,
    secretsStore: secretsFile.store,
    cipher: createMemoryCipher(),
    envKey: options.envKey ?? null,
    notices,
    openExternal: async (url) => {
      options.onOpenLink?.(url);
      return false;
    },
    ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  return startWebServer({ router, staticDir: options.staticDir, ...(options.port === undefined ? {} : { port: options.port }) });
}
