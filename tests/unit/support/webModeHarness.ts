/**
 * Runs web mode for real (services, bridge, fake inference server) and gives Node a
 * browser-like WebSocket, so the page's transport and `createApi` can be driven from tests.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../fixtures/fakeInferenceServer';
import { startWebMode } from '../../../main/web/startWebMode';
import type { WebServer } from '../../../main/web/webServer';

export interface WebModeHarness {
  fake: FakeInferenceServer;
  server: WebServer;
  dataDir: string;
  /** A WebSocket class that sends the given Origin, as a browser on that page would. */
  browserSocket(origin: string): typeof WebSocket;
  close(): Promise<void>;
}

/**
 * `config`: a settings file to start with (config.json), as an earlier run would have left it.
 * `dataDir`: start on a data folder the test prepared (it is removed on close, like a fresh one).
 */
export async function startWebModeHarness(
  options: { envKey?: string | null; stallTimeoutMs?: number; config?: Record<string, unknown>; dataDir?: string } = {},
): Promise<WebModeHarness> {
  const fake = await startFakeInferenceServer();
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'parley-web-')));
  if (options.config) await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(options.config));
  const staticDir = path.join(dataDir, 'static');
  await mkdir(staticDir);
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Parley</title>');
  const server = await startWebMode({
    dataDir,
    staticDir,
    baseURL: fake.baseURL,
    envKey: options.envKey === undefined ? 'harness-key' : options.envKey,
    ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
  });
  return {
    fake,
    server,
    dataDir,
    browserSocket: (origin) =>
      class extends NodeWebSocket {
        constructor(url: string) {
          super(url, { origin });
        }
      } as unknown as typeof WebSocket,
    close: async () => {
      await server.close();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
