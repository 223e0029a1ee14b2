/**
 * A scripted ParleyApi for component tests: it records every call, answers from plain
 * fields the test can change, and hands each chat stream to the test to drive.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ParleyError, type ChatStream, type ConversationPatch, type EndpointFields, type ParleyApi } from '../../../preload/api';
import type { AppCommand } from '../../../preload/appCommands';
import {
  DEFAULT_SETTINGS,
  type AppError,
  type ChatEvent,
  type ChatParams,
  type ChatRequest,
  type ChatResult,
  type ConnectionTest,
  type EndpointView,
  type FolderExportStatus,
  type ImportReport,
  type KeyStatus,
  type ModelList,
  type Notice,
  type PromptImportReport,
  type PromptLibrary,
  type SaveComparison,
  type SavedFile,
  type Settings,
  type UpdateStatus,
  type UsageReport,
  type UsageTotals,
} from '../../../preload/contract';
import { App } from '../../../renderer/app/App';
import { ParleyContext } from '../../../renderer/app/ParleyContext';
import { MemoryHistory } from './memoryHistory';

type Method = Exclude<keyof ParleyApi, 'chat' | 'onCommand'>;

export class ScriptedChat {
  content = '';
  reasoning = '';
  cancelled = false;
  private ended = false;

  constructor(
    readonly request: ChatRequest,
    private readonly onEvent: (event: ChatEvent) => void,
  ) {}

  emit(event: ChatEvent) {
    if (this.ended) throw new Error('stream already ended');
    if (event.type === 'delta') {
      this.content += event.content ?? '';
      this.reasoning += event.reasoning ?? '';
    }
    if (event.type === 'done') this.ended = true;
    this.onEvent(event);
  }

  delta(content: string, reasoning?: string) {
    this.emit({ type: 'delta', content, ...(reasoning === undefined ? {} : { reasoning }) });
  }

  /** Ends the stream the way main does: one `done` carrying the whole answer so far. */
  end(result: Partial<ChatResult> = {}) {
    this.emit({
      type: 'done',
      result: {
        status: 'complete',
        content: this.content,
        reasoning: this.reasoning,
        usage: null,
        finishReason: 'stop',
        error: null,
        firstTokenMs: 120,
        durationMs: 900,
        thinkingMs: null,
        ...result,
      },
    });
  }

  fail(error: AppError) {
    this.end({ status: 'error', error, finishReason: null });
  }

  /** Like main: a cancel ends the stream as `stopped` with the partial answer. */
  cancel() {
    this.cancelled = true;
    queueMicrotask(() => {
      if (!this.ended) this.end({ status: 'stopped', finishReason: null });
    });
  }
}

export class ScriptedParley implements ParleyApi {
  readonly calls: { method: keyof ParleyApi; args: unknown[] }[] = [];
  readonly chats: ScriptedChat[] = [];
  settings: Settings = { ...DEFAULT_SETTINGS };
  key: KeyStatus = { hasKey: true, hint: '1234', backend: 'gnome_libsecret', secure: true };
  models: ModelList = {
    models: ['meta-llama/Llama-3.3-70B-Instruct', 'deepseek-ai/DeepSeek-R1-0528', 'Qwen/Qwen3-235B-A22B'],
    info: {},
    fetchedAt: Date.UTC(2025, 0, 2, 10, 30),
    fromCache: false,
    error: null,
  };
  noticeList: Notice[] = [];
  readonly history = new MemoryHistory();
  /** What "Export as Markdown" answers: where the save dialog wrote, or a download (web mode). */
  exported: SavedFile = { savedTo: null, download: null };
  markdown = '';
  backup: SavedFile = { savedTo: null, download: null };
  /** Null: the person cancelled the folder choice. */
  folderJobId: string | null = crypto.randomUUID();
  /** What every status poll answers; a test moves the export along by changing it. */
  folderStatus: FolderExportStatus = { folder: '/home/me/Parley export', done: 0, total: 0, finished: false, cancelled: false, written: 0, skipped: [], error: null };
  /** What an import answers; its imported conversations are added to history, as main would. */
  importReport: ImportReport = { imported: [], skipped: [] };
  dataDir = '/home/me/.config/Parley';
  /** Whether "Open data folder" can open it: false as in web mode. */
  canOpenFolder = false;
  update: UpdateStatus = { ready: false };
  prompts: PromptLibrary = { prompts: [], defaultId: null };
  private promptsRead = false;
  promptsExport: SavedFile = { savedTo: null, download: null };
  /** What "Import prompts" answers; its library replaces `prompts`, as main's merge would. */
  promptImport: { library: PromptLibrary; report: PromptImportReport } = { library: { prompts: [], defaultId: null }, report: { added: [], updated: [], skipped: [] } };
  private readonly commandListeners = new Set<(command: AppCommand) => void>();
  private readonly failures = new Map<Method, AppError[]>();

  /** The next call to `method` rejects with this error, as main's ParleyError would. */
  failNext(method: Method, error: AppError) {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  callsTo(method: keyof ParleyApi): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** Delivers a command as the native menu would. */
  sendCommand(command: AppCommand) {
    for (const listener of this.commandListeners) listener(command);
  }

  get lastChat(): ScriptedChat {
    const chat = this.chats.at(-1);
    if (!chat) throw new Error('no chat was started');
    return chat;
  }

  private async answer<T>(method: Method, args: unknown[], value: () => T): Promise<T> {
    this.calls.push({ method, args });
    const failure = this.failures.get(method)?.shift();
    if (failure) throw new ParleyError(failure);
    return value();
  }

  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void): ChatStream {
    this.calls.push({ method: 'chat', args: [request] });
    const { history } = request;
    if (history) this.history.beginTurn({ ...request, history });
    let settle: (result: ChatResult) => void = () => undefined;
    const done = new Promise<ChatResult>((resolve) => (settle = resolve));
    // `done` resolves from the stream's own `done` event, as createApi does.
    const chat = new ScriptedChat(request, (event) => {
      if (event.type === 'done' && history) this.history.endTurn(history, event.result);
      onEvent(event);
      if (event.type === 'done') settle(event.result);
    });
    this.chats.push(chat);
    return { cancel: () => chat.cancel(), done };
  }

  getSettings = () => this.answer('getSettings', [], () => ({ ...this.settings }));
  updateSettings = (patch: Partial<Settings>) =>
    this.answer('updateSettings', [patch], () => (this.settings = { ...this.settings, ...patch }));
  keyStatus = () => this.answer('keyStatus', [], () => ({ ...this.key }));
  saveKey = (key: string, options?: { allowInsecure?: boolean }) =>
    this.answer('saveKey', options === undefined ? [key] : [key, options], () => (this.key = { hasKey: true, hint: key.slice(-4), backend: 'gnome_libsecret', secure: true }));
  removeKey = () => this.answer('removeKey', [], () => (this.key = { hasKey: false, hint: null, backend: 'gnome_libsecret', secure: true }));
  listModels = (options?: { refresh?: boolean }) => this.answer('listModels', [options], () => ({ ...this.models }));
  openLink = (url: string) => this.answer('openLink', [url], () => ({ opened: true }));
  notices = () => this.answer('notices', [], () => this.noticeList);
  listConversations = (page: { offset: number; limit: number }) => this.answer('listConversations', [page], () => this.history.list(page));
  getConversation = (id: string) => this.answer('getConversation', [id], () => this.history.get(id));
  createConversation = (fields: { id: string; model: string; systemPrompt: string; params?: ChatParams }) =>
    this.answer('createConversation', [fields], () => this.history.create(fields));
  updateConversation = (id: string, patch: ConversationPatch) => this.answer('updateConversation', [id, patch], () => this.history.update(id, patch));
  deleteConversation = (id: string) => this.answer('deleteConversation', [id], () => this.history.delete(id));
  restoreConversation = (id: string) => this.answer('restoreConversation', [id], () => this.history.restore(id));
  deleteMessage = (conversationId: string, messageId: string) =>
    this.answer('deleteMessage', [conversationId, messageId], () => this.history.deleteMessage(conversationId, messageId));
  searchConversations = (query: string, limit = 50) => this.answer('searchConversations', [query, limit], () => this.history.search(query, limit));
  autoTitle = (id: string) => this.answer('autoTitle', [id], () => this.history.autoTitle(id));
  restoreHistoryBackup = (backupFile: string) => this.answer('restoreHistoryBackup', [backupFile], () => ({ restored: true }));
  exportConversation = (id: string) => this.answer('exportConversation', [id], () => this.exported);
  conversationMarkdown = (id: string) => this.answer('conversationMarkdown', [id], () => ({ markdown: this.markdown }));
  backUp = () => this.answer('backUp', [], () => this.backup);
  startFolderExport = (ids: string[] | null) => this.answer('startFolderExport', [ids], () => ({ jobId: this.folderJobId }));
  folderExportStatus = (jobId: string) => this.answer('folderExportStatus', [jobId], () => structuredClone(this.folderStatus));
  cancelFolderExport = (jobId: string) => this.answer('cancelFolderExport', [jobId], () => ({ cancelled: true }));
  importFiles = (files: { name: string; content: string }[], duplicates: 'skip' | 'replace') =>
    this.answer('importFiles', [files, duplicates], () => {
      for (const { id, title } of this.importReport.imported) this.history.seed({ id, title });
      return this.importReport;
    });
  /** A large ChatGPT export arrives piece by piece; the bytes received are the progress. */
  private importedBytes = 0;
  beginImport = (name: string, duplicates: 'skip' | 'replace') =>
    this.answer('beginImport', [name, duplicates], () => {
      this.importedBytes = 0;
      return { jobId: crypto.randomUUID() };
    });
  importChunk = (jobId: string, base64: string) =>
    this.answer('importChunk', [jobId, base64], () => {
      this.importedBytes += atob(base64).length;
      return { bytes: this.importedBytes, imported: 0, skipped: 0 };
    });
  finishImport = (jobId: string) =>
    this.answer('finishImport', [jobId], () => {
      for (const { id, title } of this.importReport.imported) this.history.seed({ id, title });
      return this.importReport;
    });
  cancelImport = (jobId: string) => this.answer('cancelImport', [jobId], () => this.importReport);
  onCommand = (listener: (command: AppCommand) => void) => {
    this.commandListeners.add(listener);
    return () => void this.commandListeners.delete(listener);
  };
  dataFolder = () => this.answer('dataFolder', [], () => ({ path: this.dataDir }));
  openDataFolder = () => this.answer('openDataFolder', [], () => ({ opened: this.canOpenFolder, path: this.dataDir }));
  updateStatus = () => this.answer('updateStatus', [], () => this.update);
  installUpdate = () => this.answer('installUpdate', [], () => ({ restarting: this.update.ready }));
  fetchImage = (url: string) => this.answer('fetchImage', [url], () => ({ dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }));
  /** What the usage view shows. */
  usage: UsageReport = { thisWeek: NO_USAGE, thisMonth: NO_USAGE, byModel: [] };
  usageReport = () => this.answer('usageReport', [], () => this.usage);
  /** Like main, the first read moves a non-empty settings.defaultSystemPrompt into the library as its default. */
  listPrompts = () =>
    this.answer('listPrompts', [], () => {
      if (!this.promptsRead && this.prompts.prompts.length === 0 && this.settings.defaultSystemPrompt) {
        const id = crypto.randomUUID();
        this.prompts = { prompts: [{ id, name: 'Default prompt', text: this.settings.defaultSystemPrompt, updatedAt: Date.now() }], defaultId: id };
      }
      this.promptsRead = true;
      return structuredClone(this.prompts);
    });
  savePrompt = (prompt: { id: string; name: string; text: string }) =>
    this.answer('savePrompt', [prompt], () => {
      const saved = { ...prompt, updatedAt: Date.now() };
      const exists = this.prompts.prompts.some((p) => p.id === prompt.id);
      const prompts = exists ? this.prompts.prompts.map((p) => (p.id === prompt.id ? saved : p)) : [...this.prompts.prompts, saved];
      return structuredClone((this.prompts = { ...this.prompts, prompts }));
    });
  deletePrompt = (id: string) =>
    this.answer('deletePrompt', [id], () => {
      const { prompts, defaultId } = this.prompts;
      return structuredClone((this.prompts = { prompts: prompts.filter((p) => p.id !== id), defaultId: defaultId === id ? null : defaultId }));
    });
  setDefaultPrompt = (id: string | null) => this.answer('setDefaultPrompt', [id], () => structuredClone((this.prompts = { ...this.prompts, defaultId: id })));
  exportPrompts = () => this.answer('exportPrompts', [], () => this.promptsExport);
  importPrompts = (content: string) =>
    this.answer('importPrompts', [content], () => {
      this.prompts = this.promptImport.library;
      return structuredClone(this.promptImport);
    });

  /** The built-in endpoint first, as main lists them. */
  endpoints: EndpointView[] = [
    { id: 'wandb', name: 'W&B Inference', baseURL: DEFAULT_SETTINGS.baseURL, project: '', builtIn: true, key: { hasKey: true, hint: '1234', backend: 'gnome_libsecret', secure: true } },
  ];
  /** What "Test connection" answers. */
  connectionTest: ConnectionTest = { ok: true, models: ['llama3'], message: 'Connected: 1 model: llama3.' };
  private endpoint(id: string): EndpointView {
    const found = this.endpoints.find((endpoint) => endpoint.id === id);
    if (!found) throw new ParleyError({ code: 'invalid-request', message: 'That endpoint no longer exists.' });
    return found;
  }
  private changeEndpoint(id: string, change: Partial<EndpointView>): EndpointView {
    const next = { ...this.endpoint(id), ...change };
    this.endpoints = this.endpoints.map((endpoint) => (endpoint.id === id ? next : endpoint));
    return next;
  }
  listEndpoints = () => this.answer('listEndpoints', [], () => this.endpoints.map((endpoint) => ({ ...endpoint })));
  addEndpoint = ({ key, name, baseURL, project }: EndpointFields & { key?: string; allowInsecure?: boolean }) =>
    this.answer('addEndpoint', [{ name, baseURL, project, hasKey: Boolean(key) }], () => {
      const fields = { name, baseURL, project };
      const added: EndpointView = { id: crypto.randomUUID(), ...fields, builtIn: false, key: { hasKey: Boolean(key), hint: null, backend: 'gnome_libsecret', secure: true } };
      this.endpoints = [...this.endpoints, added];
      return added;
    });
  updateEndpoint = (id: string, patch: Partial<EndpointFields>) => this.answer('updateEndpoint', [id, patch], () => this.changeEndpoint(id, patch));
  removeEndpoint = (id: string) =>
    this.answer('removeEndpoint', [id], () => {
      this.endpoints = this.endpoints.filter((endpoint) => endpoint.id !== id);
      return { removed: true };
    });
  saveEndpointKey = (id: string, key: string) =>
    this.answer('saveEndpointKey', [id], () => this.changeEndpoint(id, { key: { hasKey: true, hint: key.slice(-4), backend: 'gnome_libsecret', secure: true } }));
  removeEndpointKey = (id: string) =>
    this.answer('removeEndpointKey', [id], () => this.changeEndpoint(id, { key: { hasKey: false, hint: null, backend: 'gnome_libsecret', secure: true } }));
  testEndpoint = (id: string) => this.answer('testEndpoint', [id], () => this.connectionTest);
  saveComparison = (comparison: SaveComparison) => this.answer('saveComparison', [comparison], () => this.history.saveComparison(comparison));
  /** Stored attachments by file name, as main would keep them; `addAttachment` names them by a counter. */
  readonly attachmentFiles = new Map<string, string>();
  addAttachment = (name: string, base64: string) =>
    this.answer('addAttachment', [name, base64], () => {
      const file = `${String(this.attachmentFiles.size).padStart(64, '0')}.png`;
      this.attachmentFiles.set(file, base64);
      return { file, name, kind: 'image' as const, mimeType: 'image/png', bytes: Math.floor((base64.length * 3) / 4) };
    });
  readAttachment = (file: string) => this.answer('readAttachment', [file], () => ({ dataUrl: `data:image/png;base64,${this.attachmentFiles.get(file) ?? ''}` }));
}

const NO_USAGE: UsageTotals = { answers: 0, promptTokens: 0, completionTokens: 0, cost: null, unpricedAnswers: 0 };

export function renderWith(api: ParleyApi, ui: ReactElement = <App />) {
  return render(<ParleyContext.Provider value={api}>{ui}</ParleyContext.Provider>);
}
