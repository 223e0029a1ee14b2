/**
 * Builds main's services from their ports. Both the Electron entry and web mode call
 * this, so the app that ships and the app the tests drive are the same code.
 */
import path from 'node:path';
import { changed, DEFAULT_ENDPOINT_ID, type Notice } from '../shared/ipc';
import { createChatService } from './chat/chatService';
import { WARM_UP_DELAY_MS, warmUpSendPath } from './chat/sendWarmUp';
import { createAutoTitler } from './conversations/autoTitle';
import { createSavedChat } from './conversations/savedChat';
import { createEmptyConversation } from './conversations/emptyConversation';
import { summaryOf } from './conversations/views';
import { createExportHandlers } from './export/exportHandlers';
import type { Dialogs } from './files/dialogs';
import type { HistoryStore } from './history/historyStore';
import { createRouter, type Router } from './ipc/router';
import { safeExternalUrl } from './links/externalUrl';
import { createModelCatalog } from './models/modelCatalog';
import { isWandbEndpoint, WANDB_CATALOG_ORIGIN } from './models/liveCatalog';
import { createUsageReport } from './history/usage';
import type { Cipher } from './secrets/cipher';
import { rememberDecrypted } from './secrets/rememberedCipher';
import type { KeyValueStore } from './settings/keyValueStore';
import { createSettingsService } from './settings/settingsService';
import type { Updates } from './updates/autoUpdate';
import { fetchRemoteImage } from './images/fetchRemoteImage';
import { missingConversation } from './history/storeContext';
import { promptEntries } from './prompts/promptFile';
import { createPromptHandlers } from './prompts/promptHandlers';
import { createPromptLibrary } from './prompts/promptLibrary';
import { createEndpointStore } from './endpoints/endpointStore';
import { createEndpointHandlers } from './endpoints/endpointHandlers';
import { saveComparison } from './conversations/savedComparison';
import { createAttachmentFiles } from './attachments/attachmentFiles';
import { createAttachmentHandlers } from './attachments/attachmentHandlers';
import { createToolServerStore } from './tools/toolServerStore';
import { createToolServers } from './tools/toolServers';
import { createChatTools } from './tools/chatToolsService';
import { createToolHandlers } from './tools/toolHandlers';
import { createToolsService } from './tools/toolsService';
import type { McpTimeouts } from './tools/mcpConnection';
import { markMissingAttachments } from './attachments/missingAttachments';
import { createNoticeBoard } from './notices/noticeBoard';
import { createPendingSaves } from './history/pendingSaves';
import { unsavedNotice } from './history/unsavedNotice';
import { createStorageHealth } from './history/storageHealth';
import { historyPath, listBackups } from './history/historyFiles';

export interface ServicePorts {
  dataDir: string;
  settingsStore: KeyValueStore;
  secretsStore: KeyValueStore;
  cipher: Cipher;
  /** The opened conversation history (single writer: only main touches it). */
  history: HistoryStore;
  restoreHistoryBackup(backupFile: string): Promise<void>;
  /** A key from the environment (web mode's PARLEY_API_KEY), used when none is saved. */
  envKey?: string | null;
  /** Things to tell the user once, such as a settings file that was moved aside. */
  notices: Notice[];
  /** Hands a vetted URL to the OS; false where there is no OS browser to hand it to. */
  openExternal(url: string): Promise<boolean>;
  /** Save and folder dialogs (native in the app; a download and a data-folder folder in web mode). */
  dialogs: Dialogs;
  stallTimeoutMs?: number;
  /** Points Parley at another server for this and later runs (`--base-url`, PARLEY_BASE_URL). */
  baseURL?: string;
  /** Told every key Parley reads or saves, so the log can redact it. */
  rememberSecret?: (secret: string) => void;
  /** Shows a folder in the file manager; absent in web mode, which has none. */
  openFolder?: (folder: string) => Promise<boolean>;
  /** Auto-update (packaged app only); absent in web mode. */
  updates?: Pick<Updates, 'status' | 'install'>;
  /** Reads the public model feeds from this origin, for every endpoint (tests); by default W&B's, for W&B only. */
  modelCatalogOrigin?: string;
  /** How long MCP servers may take to start and tools to run (tests shorten them). */
  toolTimeouts?: McpTimeouts;
}

/** How long quitting waits for MCP servers to stop and calls under way to end. */
const SHUTDOWN_WAIT_MS = 3_000;

/** The router, plus what the app must do when it quits. */
export interface AppRouter extends Router {
  /**
   * Stops the MCP servers it started and lets calls under way (a title being made, an answer
   * being stopped) finish their writes before the database closes; at most a few seconds.
   */
  shutdown(): Promise<void>;
}

export function createAppRouter(ports: ServicePorts): AppRouter {
  // The first question after start must not wait for what a process does once.
  setTimeout(warmUpSendPath, WARM_UP_DELAY_MS).unref();
  const settings = createSettingsService(ports.settingsStore);
  if (ports.baseURL) {
    try {
      settings.update({ baseURL: ports.baseURL });
    } catch (error) {
      // A settings file that cannot be written (a read-only data folder) must not stop the start.
      console.warn('[parley] could not keep --base-url in the settings:', error instanceof Error ? error.message : error);
    }
  }
  const cipher = rememberDecrypted(ports.cipher);
  const remember = (secret: string | null) => {
    if (secret) ports.rememberSecret?.(secret);
  };
  const endpoints = createEndpointStore({
    settings,
    store: ports.settingsStore,
    secretsStore: ports.secretsStore,
    cipher,
    envKey: ports.envKey ?? null,
  });
  /** The W&B key, in the slot it always had. */
  const keyVault = endpoints.keyVault(DEFAULT_ENDPOINT_ID);
  const getEndpoint = async (endpointId?: string) => {
    const endpoint = await endpoints.resolve(endpointId);
    remember(endpoint.apiKey);
    return endpoint;
  };
  const attachments = createAttachmentFiles(ports.dataDir);
  const models = createModelCatalog({
    cacheFile: path.join(ports.dataDir, 'models-cache.json'),
    getEndpoint,
    liveCatalog: ports.modelCatalogOrigin ? { origin: ports.modelCatalogOrigin, appliesTo: () => true } : { origin: WANDB_CATALOG_ORIGIN, appliesTo: isWandbEndpoint },
  });
  const toolServerStore = createToolServerStore({ store: ports.settingsStore, secretsStore: ports.secretsStore, cipher });
  const toolServers = createToolServers({
    launchConfig: async (id) => {
      const config = await toolServerStore.launchConfig(id);
      // Like an endpoint's key as it is used: values saved in earlier runs are redacted from the log too.
      for (const secret of Object.values(config.transport === 'stdio' ? config.env : config.headers)) remember(secret);
      return config;
    },
    ...(ports.toolTimeouts ? { timeouts: ports.toolTimeouts } : {}),
  });
  const chatTools = createChatTools({
    store: toolServerStore,
    servers: toolServers,
    attachments,
    catalogueToolCalling: async (endpointId, model) => (await models.describe([model], endpointId))[model]?.toolCalling ?? null,
  });
  const chat = createChatService({
    getEndpoint,
    attachments,
    tools: chatTools,
    ...(ports.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: ports.stallTimeoutMs }),
  });
  const { history } = ports;
  const board = createNoticeBoard({ dataDir: ports.dataDir, initial: ports.notices });
  const pendingSaves = createPendingSaves({ onChange: (count) => board.post(unsavedNotice(count)) });
  const health = createStorageHealth({ historyFile: historyPath(ports.dataDir), quickCheck: () => history.quickCheck(), post: board.post });
  const prompts = createPromptLibrary({ store: ports.settingsStore, settings: () => settings.get() });
  // Files of messages deleted (or purged) in earlier runs; nothing is waiting to be sent yet.
  void attachments.removeUnreferenced(history.referencedAttachmentFiles(), Date.now());
  const autoTitle = createAutoTitler({ chat: chat.chat, store: history, enabled: () => settings.get().autoTitle });
  const conversation = (id: string) => {
    const found = history.getConversation(id);
    if (!found) throw missingConversation();
    return found;
  };
  /** A conversation as the page shows it: its files that are gone marked. */
  const shown = (id: string) => markMissingAttachments(conversation(id), attachments.has);

  const router = createRouter({
    chat: createSavedChat(chat.chat, history, pendingSaves),
    describeError: health.describe,
    // A server's state changes by itself too (it crashed, a chat started it): Settings › Tools shows it.
    watch: (announce) => void toolServers.onChange(() => announce(changed('tools'))),
    handlers: {
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'key:status': () => keyVault.status(),
      'key:save': ({ key, allowInsecure }) => {
        remember(key.trim());
        return keyVault.save(key, allowInsecure);
      },
      'key:remove': () => keyVault.remove(),
      'models:list': (request) => models.list(request),
      'link:open': async ({ url }) => {
        const safe = safeExternalUrl(url);
        return { opened: safe !== null && (await ports.openExternal(safe)) };
      },
      'app:notices': () => {
        pendingSaves.retry();
        return board.list();
      },
      'app:dismissNotice': ({ id }) => ({ dismissed: board.dismiss(id) }),
      'history:list': ({ offset, limit }) => ({
        conversations: history.listConversations({ offset, limit }).map(summaryOf),
        total: history.countConversations(),
      }),
      'history:summaries': ({ ids }) => ids.flatMap((id) => {
        const found = history.findConversation(id);
        return found ? [summaryOf(found)] : [];
      }),
      'history:get': ({ id }) => shown(id),
      'history:create': (conversation) => ({ ...createEmptyConversation(history, conversation), messages: [] }),
      'history:update': ({ id, patch: { endpointId, ...patch } }) =>
        summaryOf(history.updateConversation(id, endpointId === undefined ? patch : { ...patch, endpoint: endpointId })),
      'history:delete': ({ id }) => {
        history.deleteConversation(id);
        return { deleted: true };
      },
      'history:restore': ({ id }) => {
        history.restoreConversation(id);
        return summaryOf(conversation(id));
      },
      'history:deleteMessage': async ({ conversationId, messageId }) => {
        const deleted = history.deleteMessage(conversationId, messageId);
        return { deleted, conversation: await shown(conversationId) };
      },
      'history:showBranch': ({ conversationId, messageId }) => {
        history.showBranch(conversationId, messageId);
        return shown(conversationId);
      },
      'history:fork': ({ id, messageId, forkId }) => summaryOf(history.forkConversation(id, messageId, forkId)),
      'history:search': ({ query, limit }) => history.search(query, { limit }),
      'history:autoTitle': ({ id }) => autoTitle(id),
      'history:restoreBackup': async ({ backupFile }) => {
        await ports.restoreHistoryBackup(backupFile);
        // The person acted on the offers to restore; a new file is looked at afresh.
        board.dismissWhere((notice) => notice.backupFile !== undefined || notice.offers !== undefined);
        health.reset();
        return { restored: true };
      },
      'history:listBackups': () => listBackups(ports.dataDir),
      'app:dataFolder': () => ({ path: ports.dataDir }),
      'app:openDataFolder': async () => ({ opened: (await ports.openFolder?.(ports.dataDir)) ?? false, path: ports.dataDir }),
      'app:updateStatus': () => ports.updates?.status() ?? { ready: false },
      'app:installUpdate': () => ({ restarting: ports.updates?.install() ?? false }),
      'image:fetch': ({ url }) => fetchRemoteImage(url),
      'usage:report': () => createUsageReport({ history, describeModels: models.describe }),
      ...createExportHandlers({
        history,
        dialogs: ports.dialogs,
        settings: () => settings.get(),
        prompts: { backup: () => promptEntries(prompts.get()), restore: (entries) => prompts.merge(entries).report },
        endpoints,
        attachments,
      }),
      ...createPromptHandlers(prompts, ports.dialogs),
      ...createEndpointHandlers({ endpoints, remember, getEndpoint }),
      'history:saveComparison': (request) => saveComparison(history, request),
      ...createAttachmentHandlers(attachments),
      ...createToolHandlers({ tools: createToolsService(toolServerStore, toolServers), remember }),
    },
  });
  const shutdown = async () => {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
    await Promise.race([Promise.all([toolServers.stopAll(), router.settled()]), bound]);
    clearTimeout(timer);
  };
  return { ...router, shutdown };
}
