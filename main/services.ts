/**
 * Builds main's services from their ports. Both the Electron entry and web mode call
 * this, so the app that ships and the app the tests drive are the same code.
 */
import path from 'node:path';
import type { Notice } from '../preload/contract';
import { createChatService } from './chat/chatService';
import { createRouter, type Router } from './ipc/router';
import { safeExternalUrl } from './links/externalUrl';
import { createModelCatalog } from './models/modelCatalog';
import type { Cipher } from './secrets/cipher';
import { createKeyVault } from './secrets/keyVault';
import type { KeyValueStore } from './settings/keyValueStore';
import { createSettingsService } from './settings/settingsService';

export interface ServicePorts {
  dataDir: string;
  settingsStore: KeyValueStore;
  secretsStore: KeyValueStore;
  cipher: Cipher;
  /** A key from the environment (web mode's PARLEY_API_KEY), used when none is saved. */
  envKey?: string | null;
  /** Things to tell the user once, such as a settings file that was moved aside. */
  notices: Notice[];
  /** Hands a vetted URL to the OS; false where there is no OS browser to hand it to. */
  openExternal(url: string): Promise<boolean>;
  stallTimeoutMs?: number;
  /** Points Parley at another server for this and later runs (`--base-url`, PARLEY_BASE_URL). */
  baseURL?: string;
}

export function createAppRouter(ports: ServicePorts): Router {
  const settings = createSettingsService(ports.settingsStore);
  if (ports.baseURL) settings.update({ baseURL: ports.baseURL });
  const keyVault = createKeyVault({ cipher: ports.cipher, store: ports.secretsStore, envKey: ports.envKey ?? null });
  const getEndpoint = async () => {
    const { baseURL, project } = settings.get();
    return { baseURL, project, apiKey: await keyVault.read() };
  };
  const chat = createChatService(
    ports.stallTimeoutMs === undefined ? { getEndpoint } : { getEndpoint, stallTimeoutMs: ports.stallTimeoutMs },
  );
  const models = createModelCatalog({ cacheFile: path.join(ports.dataDir, 'models-cache.json'), getEndpoint });

  return createRouter({
    chat: chat.chat,
    handlers: {
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'key:status': () => keyVault.status(),
      'key:save': ({ key, allowInsecure }) => keyVault.save(key, allowInsecure),
      'key:remove': () => keyVault.remove(),
      'models:list': (request) => models.list(request),
      'link:open': async ({ url }) => {
        const safe = safeExternalUrl(url);
        return { opened: safe !== null && (await ports.openExternal(safe)) };
      },
      'app:notices': () => ports.notices,
    },
  });
}
