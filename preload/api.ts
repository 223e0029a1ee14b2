/**
 * `createApi(transport)`: the typed object the page knows as `window.parley`.
 *
 * The same function serves Electron (IPC + a MessagePort per chat) and web mode
 * (a loopback WebSocket): only the transport differs. The page never picks a channel
 * name; each function names its own.
 */
import type { AppCommand } from './appCommands';
import type {
  AppError,
  Attachment,
  Channel,
  ChatParams,
  PromptImportReport,
  PromptLibrary,
  ChatEvent,
  ChatRequest,
  ChatResult,
  ConnectionTest,
  ConversationSummary,
  EndpointView,
  Envelope,
  FolderExportStatus,
  ImportProgress,
  ImportReport,
  KeyStatus,
  ModelList,
  Notice,
  RequestOf,
  ResponseOf,
  SaveComparison,
  SavedFile,
  SearchHit,
  Settings,
  SettingsPatch,
  StoredConversation,
  UpdateStatus,
  UsageReport,
} from './contract';

export interface ChatStream {
  /** Asks main to stop; `done` then resolves with status `stopped` and the partial answer. */
  cancel(): void;
  /** Resolves once, with the whole result; never rejects. */
  done: Promise<ChatResult>;
}

/** What carries requests and chat streams to main. */
export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>>;
  /** Opens one chat stream; `onEvent` receives every event until and including `done`. */
  openChat(request: ChatRequest, onEvent: (event: ChatEvent) => void): { cancel(): void };
  /** Commands main pushes (menu clicks); absent where there is no native menu (web mode). */
  onCommand?(listener: (command: AppCommand) => void): () => void;
}

/** An error from main, carrying its code so the UI can act on it. */
export class ParleyError extends Error implements AppError {
  readonly code: AppError['code'];
  readonly status?: number;
  readonly param?: string;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'ParleyError';
    this.code = error.code;
    if (error.status !== undefined) this.status = error.status;
    if (error.param !== undefined) this.param = error.param;
  }
}

export interface ParleyApi {
  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void): ChatStream;
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  keyStatus(): Promise<KeyStatus>;
  saveKey(key: string, options?: { allowInsecure?: boolean }): Promise<KeyStatus>;
  removeKey(): Promise<KeyStatus>;
  /** `endpointId` absent: the default endpoint's models. */
  listModels(options?: { refresh?: boolean; endpointId?: string }): Promise<ModelList>;
  openLink(url: string): Promise<{ opened: boolean }>;
  notices(): Promise<Notice[]>;
  listConversations(page: { offset: number; limit: number }): Promise<{ conversations: ConversationSummary[]; total: number }>;
  getConversation(id: string): Promise<StoredConversation>;
  createConversation(fields: { id: string; model: string; systemPrompt: string; params?: ChatParams; endpointId?: string }): Promise<StoredConversation>;
  updateConversation(id: string, patch: ConversationPatch): Promise<ConversationSummary>;
  deleteConversation(id: string): Promise<{ deleted: boolean }>;
  restoreConversation(id: string): Promise<ConversationSummary>;
  deleteMessage(conversationId: string, messageId: string): Promise<{ deleted: boolean }>;
  searchConversations(query: string, limit?: number): Promise<SearchHit[]>;
  autoTitle(id: string): Promise<ConversationSummary>;
  restoreHistoryBackup(backupFile: string): Promise<{ restored: boolean }>;
  exportConversation(id: string): Promise<SavedFile>;
  conversationMarkdown(id: string): Promise<{ markdown: string }>;
  backUp(): Promise<SavedFile>;
  startFolderExport(ids: string[] | null): Promise<{ jobId: string | null }>;
  folderExportStatus(jobId: string): Promise<FolderExportStatus>;
  cancelFolderExport(jobId: string): Promise<{ cancelled: boolean }>;
  importFiles(files: { name: string; content: string }[], duplicates: 'skip' | 'replace'): Promise<ImportReport>;
  /** A ChatGPT export of any size, piece by piece (see the `import:begin` channel). */
  beginImport(name: string, duplicates: 'skip' | 'replace'): Promise<{ jobId: string }>;
  importChunk(jobId: string, base64: string): Promise<ImportProgress>;
  finishImport(jobId: string): Promise<ImportReport>;
  cancelImport(jobId: string): Promise<ImportReport>;
  /** Calls `listener` with each command from the native menu; returns the unsubscribe. Never fires in web mode. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  dataFolder(): Promise<{ path: string }>;
  openDataFolder(): Promise<{ opened: boolean; path: string }>;
  updateStatus(): Promise<UpdateStatus>;
  installUpdate(): Promise<{ restarting: boolean }>;
  fetchImage(url: string): Promise<{ dataUrl: string }>;
  usageReport(): Promise<UsageReport>;
  listPrompts(): Promise<PromptLibrary>;
  savePrompt(prompt: { id: string; name: string; text: string }): Promise<PromptLibrary>;
  deletePrompt(id: string): Promise<PromptLibrary>;
  setDefaultPrompt(id: string | null): Promise<PromptLibrary>;
  exportPrompts(): Promise<SavedFile>;
  importPrompts(content: string): Promise<{ library: PromptLibrary; report: PromptImportReport }>;
  listEndpoints(): Promise<EndpointView[]>;
  addEndpoint(fields: EndpointFields & { key?: string; allowInsecure?: boolean }): Promise<EndpointView>;
  updateEndpoint(id: string, patch: Partial<EndpointFields>): Promise<EndpointView>;
  removeEndpoint(id: string): Promise<{ removed: boolean }>;
  saveEndpointKey(id: string, key: string, options?: { allowInsecure?: boolean }): Promise<EndpointView>;
  removeEndpointKey(id: string): Promise<EndpointView>;
  /** "Test connection": the models the endpoint lists, or what failed. */
  testEndpoint(id: string): Promise<ConnectionTest>;
  /** Compare's "Use this answer": the prompt, the chosen answer and the others as its versions, in one save. */
  saveComparison(comparison: SaveComparison): Promise<StoredConversation>;
  addAttachment(name: string, base64: string): Promise<Attachment>;
  readAttachment(file: string): Promise<{ dataUrl: string }>;
}

export type EndpointFields = Pick<EndpointView, 'name' | 'baseURL' | 'project'>;

export type ConversationPatch = Partial<Pick<StoredConversation, 'title' | 'model' | 'systemPrompt' | 'pinned' | 'params'> & { endpointId: string }>;

export function createApi(transport: Transport): ParleyApi {
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const envelope = await transport.invoke(channel, request);
    if (!envelope.ok) throw new ParleyError(envelope.error);
    return envelope.value as ResponseOf<C>;
  }

  return {
    chat(request, onEvent) {
      let settle: (result: ChatResult) => void = () => undefined;
      const done = new Promise<ChatResult>((resolve) => (settle = resolve));
      const stream = transport.openChat(request, (event) => {
        onEvent(event);
        if (event.type === 'done') settle(event.result);
      });
      return { cancel: () => stream.cancel(), done };
    },
    getSettings: () => call('settings:get', {}),
    updateSettings: (patch) => call('settings:update', patch),
    keyStatus: () => call('key:status', {}),
    saveKey: (key, options = {}) =>
      call('key:save', options.allowInsecure === undefined ? { key } : { key, allowInsecure: options.allowInsecure }),
    removeKey: () => call('key:remove', {}),
    listModels: (options = {}) =>
      call('models:list', { refresh: options.refresh ?? false, ...(options.endpointId === undefined ? {} : { endpointId: options.endpointId }) }),
    openLink: (url) => call('link:open', { url }),
    notices: () => call('app:notices', {}),
    listConversations: (page) => call('history:list', page),
    getConversation: (id) => call('history:get', { id }),
    createConversation: (fields) => call('history:create', fields),
    updateConversation: (id, patch) => call('history:update', { id, patch }),
    deleteConversation: (id) => call('history:delete', { id }),
    restoreConversation: (id) => call('history:restore', { id }),
    deleteMessage: (conversationId, messageId) => call('history:deleteMessage', { conversationId, messageId }),
    searchConversations: (query, limit = 50) => call('history:search', { query, limit }),
    autoTitle: (id) => call('history:autoTitle', { id }),
    restoreHistoryBackup: (backupFile) => call('history:restoreBackup', { backupFile }),
    exportConversation: (id) => call('export:conversation', { id }),
    conversationMarkdown: (id) => call('export:markdownText', { id }),
    backUp: () => call('export:backup', {}),
    startFolderExport: (ids) => call('export:folderStart', { ids }),
    folderExportStatus: (jobId) => call('export:folderStatus', { jobId }),
    cancelFolderExport: (jobId) => call('export:folderCancel', { jobId }),
    importFiles: (files, duplicates) => call('import:files', { files, duplicates }),
    beginImport: (name, duplicates) => call('import:begin', { name, duplicates }),
    importChunk: (jobId, data) => call('import:chunk', { jobId, data }),
    finishImport: (jobId) => call('import:finish', { jobId }),
    cancelImport: (jobId) => call('import:cancel', { jobId }),
    onCommand: (listener) => transport.onCommand?.(listener) ?? (() => undefined),
    dataFolder: () => call('app:dataFolder', {}),
    openDataFolder: () => call('app:openDataFolder', {}),
    updateStatus: () => call('app:updateStatus', {}),
    installUpdate: () => call('app:installUpdate', {}),
    fetchImage: (url) => call('image:fetch', { url }),
    usageReport: () => call('usage:report', {}),
    listPrompts: () => call('prompts:list', {}),
    savePrompt: (prompt) => call('prompts:save', prompt),
    deletePrompt: (id) => call('prompts:delete', { id }),
    setDefaultPrompt: (id) => call('prompts:setDefault', { id }),
    exportPrompts: () => call('prompts:export', {}),
    importPrompts: (content) => call('prompts:import', { content }),
    listEndpoints: () => call('endpoints:list', {}),
    addEndpoint: (fields) => call('endpoints:add', fields),
    updateEndpoint: (id, patch) => call('endpoints:update', { id, patch }),
    removeEndpoint: (id) => call('endpoints:remove', { id }),
    saveEndpointKey: (id, key, options = {}) =>
      call('endpoints:saveKey', options.allowInsecure === undefined ? { id, key } : { id, key, allowInsecure: options.allowInsecure }),
    removeEndpointKey: (id) => call('endpoints:removeKey', { id }),
    testEndpoint: (id) => call('endpoints:test', { id }),
    saveComparison: (comparison) => call('history:saveComparison', comparison),
    addAttachment: (name, base64) => call('attachment:add', { name, base64 }),
    readAttachment: (file) => call('attachment:read', { file }),
  };
}

/**
 * contextBridge copies a thrown Error with its message only, dropping `code`; a plain
 * object crosses whole. So the preload rejects with plain AppErrors (`acrossBridge`) and
 * the page turns them back into ParleyErrors (`fromBridge`).
 */
function mapRejections(api: ParleyApi, convert: (error: unknown) => unknown): ParleyApi {
  const wrap =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      method(...args).catch((error: unknown) => Promise.reject(convert(error)));
  return {
    chat: (request, onEvent) => api.chat(request, onEvent),
    getSettings: wrap(api.getSettings),
    updateSettings: wrap(api.updateSettings),
    keyStatus: wrap(api.keyStatus),
    saveKey: wrap(api.saveKey),
    removeKey: wrap(api.removeKey),
    listModels: wrap(api.listModels),
    openLink: wrap(api.openLink),
    notices: wrap(api.notices),
    listConversations: wrap(api.listConversations),
    getConversation: wrap(api.getConversation),
    createConversation: wrap(api.createConversation),
    updateConversation: wrap(api.updateConversation),
    deleteConversation: wrap(api.deleteConversation),
    restoreConversation: wrap(api.restoreConversation),
    deleteMessage: wrap(api.deleteMessage),
    searchConversations: wrap(api.searchConversations),
    autoTitle: wrap(api.autoTitle),
    restoreHistoryBackup: wrap(api.restoreHistoryBackup),
    exportConversation: wrap(api.exportConversation),
    conversationMarkdown: wrap(api.conversationMarkdown),
    backUp: wrap(api.backUp),
    startFolderExport: wrap(api.startFolderExport),
    folderExportStatus: wrap(api.folderExportStatus),
    cancelFolderExport: wrap(api.cancelFolderExport),
    importFiles: wrap(api.importFiles),
    beginImport: wrap(api.beginImport),
    importChunk: wrap(api.importChunk),
    finishImport: wrap(api.finishImport),
    cancelImport: wrap(api.cancelImport),
    onCommand: (listener) => api.onCommand(listener),
    dataFolder: wrap(api.dataFolder),
    openDataFolder: wrap(api.openDataFolder),
    updateStatus: wrap(api.updateStatus),
    installUpdate: wrap(api.installUpdate),
    fetchImage: wrap(api.fetchImage),
    usageReport: wrap(api.usageReport),
    listPrompts: wrap(api.listPrompts),
    savePrompt: wrap(api.savePrompt),
    deletePrompt: wrap(api.deletePrompt),
    setDefaultPrompt: wrap(api.setDefaultPrompt),
    exportPrompts: wrap(api.exportPrompts),
    importPrompts: wrap(api.importPrompts),
    listEndpoints: wrap(api.listEndpoints),
    addEndpoint: wrap(api.addEndpoint),
    updateEndpoint: wrap(api.updateEndpoint),
    removeEndpoint: wrap(api.removeEndpoint),
    saveEndpointKey: wrap(api.saveEndpointKey),
    removeEndpointKey: wrap(api.removeEndpointKey),
    testEndpoint: wrap(api.testEndpoint),
    saveComparison: wrap(api.saveComparison),
    addAttachment: wrap(api.addAttachment),
    readAttachment: wrap(api.readAttachment),
  };
}

const isAppError = (value: unknown): value is AppError =>
  typeof value === 'object' && value !== null && typeof (value as AppError).code === 'string' && typeof (value as AppError).message === 'string';

export const acrossBridge = (api: ParleyApi): ParleyApi =>
  mapRejections(api, (error) =>
    error instanceof ParleyError ? { code: error.code, message: error.message, status: error.status, param: error.param } : error,
  );

export const fromBridge = (api: ParleyApi): ParleyApi =>
  mapRejections(api, (error) => (isAppError(error) && !(error instanceof ParleyError) ? new ParleyError(error) : error));
