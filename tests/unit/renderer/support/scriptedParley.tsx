/**
 * A scripted ParleyApi for component tests, derived from the IPC tables: the page gets the real
 * `createApi` over a transport that runs main's real router (zod validation, error envelopes,
 * the changes each call announces) in front of scripted handlers. So every call in the tables
 * exists here too, a request main would refuse is refused here, and a test can never call
 * something main does not have. The fake records every call, answers from plain fields the
 * test can change, and hands each chat stream to the test to drive.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppFailure } from '../../../../main/appFailure';
import type { ToolApprovals } from '../../../../main/chat/toolApprovals';
import { createRouter, type Handlers, type Router } from '../../../../main/ipc/router';
import { failedResult } from '../../../../shared/chatResult';
import type { AppCommand } from '../../../../shared/appCommands';
import {
  CHANNELS,
  DEFAULT_SETTINGS,
  IPC,
  type AppError,
  type BackupResult,
  type Channel,
  type ChatEvent,
  type ChatRequest,
  type ChatResult,
  type ConnectionTest,
  type EndpointView,
  type FolderExportStatus,
  type HistoryBackupView,
  type ImportReport,
  type KeyStatus,
  type Method,
  type ModelList,
  type Notice,
  type PromptImportReport,
  type PromptLibrary,
  type SavedFile,
  type Settings,
  type ToolApproval,
  type ToolCallRecord,
  type ToolServerFields,
  type ToolServerImportReport,
  type ToolServerView,
  type UpdateStatus,
  type UsageReport,
  type UsageTotals,
} from '../../../../shared/ipc';
import { createApi, type ParleyApi } from '../../../../shared/ipc/client';
import { App } from '../../../../renderer/app/App';
import { ParleyContext } from '../../../../renderer/lib/ParleyContext';
import { MemoryHistory } from './memoryHistory';

const METHOD_OF = Object.fromEntries(Object.entries(IPC).map(([method, spec]) => [spec.channel, method])) as Record<Channel, Method>;

export class ScriptedChat {
  content: string;
  reasoning = '';
  cancelled = false;
  private ended = false;

  constructor(
    readonly request: ChatRequest,
    private readonly onEvent: (event: ChatEvent) => void,
    private readonly approvals: ToolApprovals,
    private readonly signal: AbortSignal,
  ) {
    // Like main, a continuation's `done` carries the whole answer: the text it continued, then its own.
    this.content = request.history?.turn.kind === 'continue' ? (request.messages.at(-1)?.content ?? '') : '';
  }

  /** Like main's call runner: reports `call` as awaiting approval and resolves with the page's answer (`deny` on Stop). */
  askApproval(call: ToolCallRecord): Promise<ToolApproval> {
    const answer = this.approvals.ask(call.id, this.signal);
    this.emit({ type: 'tool-call', call: { ...call, status: 'awaiting-approval' } });
    return answer;
  }

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

const NO_USAGE: UsageTotals = { answers: 0, promptTokens: 0, completionTokens: 0, cost: null, unpricedAnswers: 0 };
const keyStatus = (hasKey: boolean, hint: string | null): KeyStatus => ({ hasKey, hint, backend: 'gnome_libsecret', secure: true });

export class ScriptedParley {
  /** What the page gets: `createApi` over this fake's transport. */
  readonly client: ParleyApi;
  readonly calls: { method: Method | 'chat'; args: unknown[] }[] = [];
  readonly chats: ScriptedChat[] = [];
  settings: Settings = { ...DEFAULT_SETTINGS };
  key: KeyStatus = keyStatus(true, '1234');
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
  backup: BackupResult = { savedTo: null, download: null, unreadable: [] };
  /** What "Restore from backup…" lists. */
  historyBackups: HistoryBackupView[] = [];
  /** Null: the person cancelled the folder choice. */
  folderJobId: string | null = crypto.randomUUID();
  /** What every status poll answers; a test moves the export along by changing it. */
  folderStatus: FolderExportStatus = { folder: '/home/me/Parley export', done: 0, total: 0, finished: false, cancelled: false, written: 0, skipped: [], error: null };
  /** What an import answers; its imported conversations are added to history, as main would. */
  importReport: ImportReport = { imported: [], skipped: [] };
  private importedBytes = 0;
  dataDir = '/home/me/.config/Parley';
  /** Whether "Open data folder" can open it: false as in web mode. */
  canOpenFolder = false;
  update: UpdateStatus = { ready: false };
  prompts: PromptLibrary = { prompts: [], defaultId: null };
  private promptsRead = false;
  promptsExport: SavedFile = { savedTo: null, download: null };
  /** What "Import prompts" answers; its library replaces `prompts`, as main's merge would. */
  promptImport: { library: PromptLibrary; report: PromptImportReport } = { library: { prompts: [], defaultId: null }, report: { added: [], updated: [], skipped: [] } };
  /** What the usage view shows. */
  usage: UsageReport = { thisWeek: NO_USAGE, thisMonth: NO_USAGE, byModel: [] };
  /** The built-in endpoint first, as main lists them. */
  endpoints: EndpointView[] = [{ id: 'wandb', name: 'W&B Inference', baseURL: DEFAULT_SETTINGS.baseURL, project: '', builtIn: true, key: keyStatus(true, '1234') }];
  /** What "Test connection" answers. */
  connectionTest: ConnectionTest = { ok: true, models: ['llama3'], message: 'Connected: 1 model: llama3.' };
  /** Stored attachments by file name, as main would keep them; `attachment:add` names them by a counter. */
  readonly attachmentFiles = new Map<string, string>();
  /** Settings › Tools: what `listToolServers` answers; add/update/remove change it as main would. */
  toolServers: ToolServerView[] = [];
  /** What "Import from Claude desktop config" answers; its added servers join `toolServers`. */
  toolImport: ToolServerImportReport = { added: [], skipped: [] };
  private readonly commandListeners = new Set<(command: AppCommand) => void>();
  private readonly failures = new Map<Method, AppError[]>();
  private readonly heldAnswers = new Map<Method, Promise<void>[]>();
  private readonly turnFailures: AppError[] = [];
  private readonly router: Router;

  constructor() {
    this.router = createRouter({ handlers: this.handlers(), chat: (request, onEvent, signal, approvals, onSaved) => this.startChat(request, onEvent, signal, approvals, onSaved) });
    this.client = createApi({
      invoke: async (channel, request) => {
        const method = METHOD_OF[channel];
        this.calls.push({ method, args: [request] });
        const failure = this.failures.get(method)?.shift();
        const answer = failure ? { ok: false as const, error: failure } : await this.router.invoke(channel, request);
        await this.heldAnswers.get(method)?.shift();
        return answer;
      },
      openChat: (request, onEvent) => {
        this.calls.push({ method: 'chat', args: [request] });
        const stream = this.router.startChat(request, onEvent);
        return { send: (control) => stream.control(control) };
      },
      onCommand: (listener) => {
        this.commandListeners.add(listener);
        return () => void this.commandListeners.delete(listener);
      },
      onChange: (listener) => this.router.onChange(listener),
    });
  }

  /** The next call to `method` rejects with this error, as main's ParleyError would. */
  failNext(method: Method, error: AppError) {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /**
   * The next call to `method` is carried out at once, as main would, but its answer reaches the
   * page only when the returned function is called: a later call's answer can overtake it.
   */
  holdNextAnswer(method: Method): () => void {
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    this.heldAnswers.set(method, [...(this.heldAnswers.get(method) ?? []), answered]);
    return release;
  }

  /** What an import answers: the scripted report, its conversations now in the history. */
  private storeImportReport(): ImportReport {
    for (const { id, title } of this.importReport.imported) this.history.seed({ id, title });
    return this.importReport;
  }

  /** The requests `method` was called with, one array per call. */
  callsTo(method: Method | 'chat'): unknown[][] {
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

  /** The next kept chat's turn cannot be saved (main's commit fails, e.g. a full disk): it ends with `error`, nothing saved, nothing sent. */
  failNextTurn(error: AppError) {
    this.turnFailures.push(error);
  }

  /** What main does for a chat: commits a kept turn, streams (here: as the test drives it), and finishes the answer's row. */
  private startChat(request: ChatRequest, onEvent: (event: ChatEvent) => void, signal: AbortSignal, approvals: ToolApprovals, onSaved: () => void): Promise<ChatResult> {
    const { history } = request;
    const notSaved = history ? this.turnFailures.shift() : undefined;
    if (notSaved) {
      const result = failedResult(notSaved);
      onEvent({ type: 'done', result });
      return Promise.resolve(result);
    }
    if (history) {
      this.history.beginTurn({ ...request, history });
      onSaved();
    }
    return new Promise((resolve) => {
      const chat = new ScriptedChat(request, (event) => {
        if (event.type === 'done' && history) this.history.endTurn(history, event.result);
        onEvent(event);
        if (event.type === 'done') resolve(event.result);
      }, approvals, signal);
      signal.addEventListener('abort', () => chat.cancel(), { once: true });
      this.chats.push(chat);
    });
  }

  private endpoint(id: string): EndpointView {
    const found = this.endpoints.find((endpoint) => endpoint.id === id);
    if (!found) throw new AppFailure({ code: 'invalid-request', message: 'That endpoint no longer exists.' });
    return found;
  }

  private changeEndpoint(id: string, change: Partial<EndpointView>): EndpointView {
    const next = { ...this.endpoint(id), ...change };
    this.endpoints = this.endpoints.map((endpoint) => (endpoint.id === id ? next : endpoint));
    return next;
  }

  private toolServer(id: string): ToolServerView {
    const found = this.toolServers.find((server) => server.id === id);
    if (!found) throw new AppFailure({ code: 'invalid-request', message: 'That tool server no longer exists.' });
    return found;
  }

  /** Replaces a server's view (main's answer to every tools call); a copy, as across IPC. */
  private changeToolServer(id: string, change: (server: ToolServerView) => ToolServerView): ToolServerView {
    const next = change(this.toolServer(id));
    this.toolServers = this.toolServers.map((server) => (server.id === id ? next : server));
    return structuredClone(next);
  }

  /** A server's view from the form's fields, as main keeps it: secret values become hints. */
  private toolServerView(id: string, fields: ToolServerFields): ToolServerView {
    const hint = ({ name, value }: { name: string; value?: string | undefined }) => ({ name, hint: value && value.length > 8 ? value.slice(-4) : null });
    const base = { id, name: fields.name, state: { status: 'stopped' as const }, tools: [] };
    return fields.transport === 'stdio'
      ? { ...base, transport: 'stdio', command: fields.command, args: fields.args, env: fields.env.map(hint) }
      : { ...base, transport: 'http', url: fields.url, headers: fields.headers.map(hint) };
  }

  private changeTool(serverId: string, tool: string, change: Partial<ToolServerView['tools'][number]>): ToolServerView {
    return this.changeToolServer(serverId, (server) => ({ ...server, tools: server.tools.map((t) => (t.name === tool ? { ...t, ...change } : t)) }));
  }

  /** Main's side, scripted: a call the tables have but this list lacks fails loudly. */
  private handlers(): Handlers {
    const scripted: Partial<Handlers> = {
      'settings:get': () => ({ ...this.settings }),
      'settings:update': (patch) => (this.settings = { ...this.settings, ...patch }),
      'key:status': () => ({ ...this.key }),
      'key:save': ({ key }) => (this.key = keyStatus(true, key.slice(-4))),
      'key:remove': () => (this.key = keyStatus(false, null)),
      'models:list': () => ({ ...this.models }),
      'link:open': () => ({ opened: true }),
      'app:notices': () => this.noticeList,
      'app:dismissNotice': ({ id }) => {
        this.noticeList = this.noticeList.filter((notice) => notice.id !== id);
        return { dismissed: true };
      },
      'history:list': (page) => this.history.list(page),
      'history:summaries': ({ ids }) => this.history.summaries(ids),
      'history:get': ({ id }) => this.history.get(id),
      'history:create': (fields) => this.history.create(fields),
      'history:update': ({ id, patch }) => this.history.update(id, patch),
      'history:delete': ({ id }) => this.history.delete(id),
      'history:restore': ({ id }) => this.history.restore(id),
      'history:deleteMessage': ({ conversationId, messageId }) => this.history.deleteMessage(conversationId, messageId),
      'history:showBranch': ({ conversationId, messageId }) => this.history.showBranch(conversationId, messageId),
      'history:fork': ({ id, messageId, forkId }) => this.history.fork(id, messageId, forkId),
      'history:search': ({ query, limit }) => this.history.search(query, limit),
      'history:autoTitle': ({ id }) => this.history.autoTitle(id),
      'history:restoreBackup': () => ({ restored: true }),
      'history:listBackups': () => this.historyBackups,
      'history:saveComparison': (comparison) => this.history.saveComparison(comparison),
      'export:conversation': () => this.exported,
      'export:markdownText': () => ({ markdown: this.markdown }),
      'export:backup': () => this.backup,
      'export:folderStart': () => ({ jobId: this.folderJobId }),
      'export:folderStatus': () => structuredClone(this.folderStatus),
      'export:folderCancel': () => ({ cancelled: true }),
      'import:files': () => this.storeImportReport(),
      // A large ChatGPT export arrives piece by piece; the bytes received are the progress.
      'import:begin': () => {
        this.importedBytes = 0;
        return { jobId: crypto.randomUUID() };
      },
      'import:chunk': ({ data }) => {
        this.importedBytes += atob(data).length;
        return { bytes: this.importedBytes, imported: 0, skipped: 0, storedIds: [] };
      },
      'import:finish': () => this.storeImportReport(),
      'import:cancel': () => this.importReport,
      'app:dataFolder': () => ({ path: this.dataDir }),
      'app:openDataFolder': () => ({ opened: this.canOpenFolder, path: this.dataDir }),
      'app:updateStatus': () => this.update,
      'app:installUpdate': () => ({ restarting: this.update.ready }),
      'image:fetch': () => ({ dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }),
      'usage:report': () => this.usage,
      // Like main, the first read moves a non-empty settings.defaultSystemPrompt into the library as its default.
      'prompts:list': () => {
        if (!this.promptsRead && this.prompts.prompts.length === 0 && this.settings.defaultSystemPrompt) {
          const id = crypto.randomUUID();
          this.prompts = { prompts: [{ id, name: 'Default prompt', text: this.settings.defaultSystemPrompt, updatedAt: Date.now() }], defaultId: id };
        }
        this.promptsRead = true;
        return structuredClone(this.prompts);
      },
      'prompts:save': (prompt) => {
        const saved = { ...prompt, updatedAt: Date.now() };
        const exists = this.prompts.prompts.some((p) => p.id === prompt.id);
        const prompts = exists ? this.prompts.prompts.map((p) => (p.id === prompt.id ? saved : p)) : [...this.prompts.prompts, saved];
        return structuredClone((this.prompts = { ...this.prompts, prompts }));
      },
      'prompts:delete': ({ id }) => {
        const { prompts, defaultId } = this.prompts;
        return structuredClone((this.prompts = { prompts: prompts.filter((p) => p.id !== id), defaultId: defaultId === id ? null : defaultId }));
      },
      'prompts:setDefault': ({ id }) => structuredClone((this.prompts = { ...this.prompts, defaultId: id })),
      'prompts:export': () => this.promptsExport,
      'prompts:import': () => {
        this.prompts = this.promptImport.library;
        return structuredClone(this.promptImport);
      },
      'endpoints:list': () => this.endpoints.map((endpoint) => ({ ...endpoint })),
      'endpoints:add': ({ key, name, baseURL, project }) => {
        const added: EndpointView = { id: crypto.randomUUID(), name, baseURL, project, builtIn: false, key: keyStatus(Boolean(key), null) };
        this.endpoints = [...this.endpoints, added];
        return added;
      },
      'endpoints:update': ({ id, patch }) => this.changeEndpoint(id, patch),
      'endpoints:remove': ({ id }) => {
        this.endpoints = this.endpoints.filter((endpoint) => endpoint.id !== id);
        return { removed: true };
      },
      'endpoints:saveKey': ({ id, key }) => this.changeEndpoint(id, { key: keyStatus(true, key.slice(-4)) }),
      'endpoints:removeKey': ({ id }) => this.changeEndpoint(id, { key: keyStatus(false, null) }),
      'endpoints:test': () => this.connectionTest,
      'endpoints:testNew': () => this.connectionTest,
      'attachment:add': ({ name, base64 }) => {
        const file = `${String(this.attachmentFiles.size).padStart(64, '0')}.png`;
        this.attachmentFiles.set(file, base64);
        return { file, name, kind: 'image' as const, mimeType: 'image/png', bytes: Math.floor((base64.length * 3) / 4) };
      },
      'tools:list': () => structuredClone(this.toolServers),
      'tools:add': ({ fields }) => {
        const added = this.toolServerView(crypto.randomUUID(), fields);
        this.toolServers = [...this.toolServers, added];
        return structuredClone(added);
      },
      'tools:update': ({ id, fields }) => this.changeToolServer(id, (server) => ({ ...this.toolServerView(id, fields), tools: server.tools })),
      'tools:remove': ({ id }) => {
        this.toolServers = this.toolServers.filter((server) => server.id !== id);
        return { removed: true };
      },
      'tools:start': ({ id }) => this.changeToolServer(id, (server) => ({ ...server, state: { status: 'ready' } })),
      'tools:restart': ({ id }) => this.changeToolServer(id, (server) => ({ ...server, state: { status: 'ready' } })),
      'tools:stop': ({ id }) => this.changeToolServer(id, (server) => ({ ...server, state: { status: 'stopped' } })),
      'tools:setToolEnabled': ({ serverId, tool, enabled }) => this.changeTool(serverId, tool, { enabled }),
      'tools:revokeAlwaysAllow': ({ serverId, tool }) => this.changeTool(serverId, tool, { alwaysAllowed: false }),
      'tools:importClaudeConfig': () => {
        this.toolServers = [...this.toolServers, ...this.toolImport.added];
        return structuredClone(this.toolImport);
      },
      'attachment:read': ({ file }) => ({ dataUrl: `data:image/png;base64,${this.attachmentFiles.get(file) ?? ''}` }),
    };
    const missing = (channel: Channel) => () => {
      throw new AppFailure({ code: 'internal', message: `The scripted fake has no answer for ${METHOD_OF[channel]} (${channel}).` });
    };
    return Object.fromEntries(CHANNELS.map((channel) => [channel, scripted[channel] ?? missing(channel)])) as Handlers;
  }
}

export function renderWith(parley: ScriptedParley, ui: ReactElement = <App />) {
  return render(<ParleyContext.Provider value={parley.client}>{ui}</ParleyContext.Provider>);
}
