/**
 * Starts web mode: main's real services (settings through `conf`, history in SQLite, a key
 * kept in memory) behind the loopback bridge. Used by `npm run web` and by the UI specs.
 */
import { mkdir } from 'node:fs/promises';
import { openDataFolder } from '../dataFolder';
import { openAppLog } from '../logging/appLog';
import { createMemoryCipher } from '../secrets/memoryCipher';
import { createAppRouter } from '../services';
import { createConfStore } from '../settings/createConfStore';
import { createMemoryStore } from '../settings/memoryStore';
import { createWebDialogs } from './webDialogs';
import { startWebServer, type WebServer } from './webServer';
import { TOKEN_PARAM } from '../../shared/ipc/bridgeProtocol';

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
  /** Where the public model feeds are served (tests point it at the fake server). */
  modelCatalogOrigin?: string;
}

export async function startWebMode(options: WebModeOptions): Promise<WebServer> {
  await mkdir(options.dataDir, { recursive: true });
  const appLog = openAppLog(options.dataDir);
  // The key entered in the page is kept in memory for this run only, never written to disk.
  const folder = await openDataFolder(options.dataDir, (dataDir, name) =>
    name === 'secrets' ? { store: createMemoryStore(), notice: null } : createConfStore(dataDir, name),
  );

  const router = createAppRouter({
    ...folder,
    dataDir: options.dataDir,
    cipher: createMemoryCipher(),
    envKey: options.envKey ?? null,
    openExternal: async (url) => {
      options.onOpenLink?.(url);
      return false;
    },
    dialogs: createWebDialogs(options.dataDir),
    ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...(options.modelCatalogOrigin ? { modelCatalogOrigin: options.modelCatalogOrigin } : {}),
    rememberSecret: appLog.rememberSecret,
  });
  const server = await startWebServer({ router, staticDir: options.staticDir, ...(options.port === undefined ? {} : { port: options.port }) });
  // The token drives every service: redacted from the log like a key, wherever a line may carry it.
  appLog.rememberSecret(new URL(server.url).searchParams.get(TOKEN_PARAM) ?? '');
  return {
    ...server,
    close: async () => {
      await server.close();
      await router.shutdown();
      folder.history.close();
      appLog.close();
    },
  };
}
