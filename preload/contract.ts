/**
 * The one IPC contract between main, preload and renderer.
 *
 * Main imports the zod schemas and validates every payload at runtime; preload and
 * renderer import only the types (`import type`), so zod never ships to the page.
 */
import { z } from 'zod';
import { APP_COMMANDS } from './appCommands';
import { DEFAULT_ENDPOINT_ID } from './endpointIds';
import { LIMITS } from './limits';
import { PARAM_LIMITS, type ChatParams } from './chatParams';
import { ATTACHMENT_FILE_PATTERN, ATTACHMENT_LIMITS } from './attachmentLimits';

export { LIMITS } from './limits';
export { DEFAULT_ENDPOINT_ID } from './endpointIds';

export const DEFAULT_BASE_URL = 'https://api.inference.wandb.ai/v1';

const httpUrl = z
  .string()
  .max(LIMITS.urlChars)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** Chat parameters: only keys the person set, each in the range models accept. */
export const chatParamsSchema: z.ZodType<ChatParams> = z
  .object({
    temperature: z.number().min(PARAM_LIMITS.temperature.min).max(PARAM_LIMITS.temperature.max),
    topP: z.number().min(PARAM_LIMITS.topP.min).max(PARAM_LIMITS.topP.max),
    maxTokens: z.number().int().min(PARAM_LIMITS.maxTokens.min).max(PARAM_LIMITS.maxTokens.max),
    seed: z.number().int().min(PARAM_LIMITS.seed.min).max(PARAM_LIMITS.seed.max),
    stop: z.array(z.string().min(1).max(PARAM_LIMITS.stopChars)).max(PARAM_LIMITS.stopSequences),
    enableThinking: z.boolean(),
  })
  .partial()
  .strict();
export type { ChatParams, ChatParamKey } from './chatParams';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const textSizeSchema = z.enum(['small', 'default', 'large', 'larger']);

export const settingsSchema = z.object({
  baseURL: httpUrl,
  /** W&B `team/project` sent as the OpenAI-Project header; empty means none. */
  project: z.string().max(LIMITS.projectChars),
  defaultModel: z.string().max(LIMITS.modelIdChars),
  defaultSystemPrompt: z.string().max(LIMITS.systemPromptChars),
  theme: themeSchema,
  /** Ask the conversation's model for a short title after the first answer. */
  autoTitle: z.boolean(),
  /** The window's base text size (the root font size). */
  textSize: textSizeSchema,
  /** Check GitHub releases for a new version (packaged app only); off until the user opts in. */
  autoUpdate: z.boolean(),
  /** Show remote images in answers without asking; off because an image URL can carry conversation text away. */
  remoteImages: z.boolean(),
  /** Model ids pinned at the top of the picker, in the order they were added. */
  favouriteModels: z.array(z.string().max(LIMITS.modelIdChars)).max(LIMITS.favouriteModels),
  /** Model ids used for chats, most recent first. */
  recentModels: z.array(z.string().max(LIMITS.modelIdChars)).max(LIMITS.recentModels),
  /** Chat parameters new chats start with ("Use for new chats"). */
  defaultParams: chatParamsSchema,
  /** The endpoint new chats use: the one last chosen next to the model picker. */
  defaultEndpointId: z.string().max(LIMITS.endpointIdChars),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  baseURL: DEFAULT_BASE_URL,
  project: '',
  defaultModel: '',
  defaultSystemPrompt: '',
  theme: 'system',
  autoTitle: true,
  textSize: 'default',
  autoUpdate: false,
  remoteImages: false,
  favouriteModels: [],
  recentModels: [],
  defaultParams: {},
  defaultEndpointId: DEFAULT_ENDPOINT_ID,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What the renderer may know about the stored key: never the key itself. */
export interface KeyStatus {
  hasKey: boolean;
  /** Last four characters, for recognising which key is stored. */
  hint: string | null;
  /** Where the key lives: an OS keyring name, `basic_text` (no keyring), or `memory` (web mode). */
  backend: string;
  /** False when the backend would keep the key readable by anyone with the file (Linux without a keyring). */
  secure: boolean;
}

export const saveKeySchema = z
  .object({
    key: z.string().trim().min(1, 'the key is empty').max(LIMITS.keyChars),
    /** The user agreed to store the key without an OS keyring. */
    allowInsecure: z.boolean().optional(),
  })
  .strict();

export const emptySchema = z.object({}).strict();

const endpointIdSchema = z.string().min(1).max(LIMITS.endpointIdChars);

/** `endpointId` absent: the default endpoint's models. */
export const listModelsSchema = z.object({ refresh: z.boolean(), endpointId: endpointIdSchema.optional() }).strict();

/** How a model reasons: always, unless told not to, only when asked, or never. */
export type ReasoningMode = 'always' | 'default-on' | 'default-off' | 'none';

/** Where a model stands in W&B's catalogue: a retired model answers 404, a deprecated one soon will. */
export type LifecycleStage = 'experimental' | 'general-availability' | 'deprecated' | 'retired';

/** What Parley knows about a model beyond its id (`GET /models` gives ids only). Null: not known. */
export interface ModelInfo {
  /** Context window in tokens. */
  contextWindow: number | null;
  /** Takes images as input. */
  vision: boolean | null;
  reasoning: ReasoningMode | null;
  /** US dollars per million tokens. */
  price: { input: number; output: number } | null;
  /** Accepts `tools` (function calling). */
  toolCalling: boolean | null;
  lifecycle: LifecycleStage | null;
}

export interface ModelList {
  models: string[];
  /** Metadata for the models Parley knows; a model without an entry still works. */
  info: Record<string, ModelInfo>;
  /** When the list was fetched from the server (ms since epoch); null when never. */
  fetchedAt: number | null;
  /** True when the server could not be reached and the cached list is shown. */
  fromCache: boolean;
  /** Why the refresh failed, when it did. */
  error: AppError | null;
}

export const openLinkSchema = z.object({ url: z.string().max(LIMITS.urlChars) }).strict();

/** A file sent with a message, stored in the data folder; main reads and checks the file itself. */
export const attachmentSchema = z
  .object({
    /** The stored file's name under `<data folder>/attachments`. */
    file: z.string().regex(ATTACHMENT_FILE_PATTERN, 'is not an attachment Parley stored'),
    /** The name the user's file had, shown and used for the text fence. */
    name: z.string().min(1).max(LIMITS.fileNameChars),
    kind: z.enum(['image', 'text']),
    mimeType: z.string().max(100),
    bytes: z.number().int().min(0),
  })
  .strict();
export type Attachment = z.infer<typeof attachmentSchema>;

export const chatMessageSchema = z
  .object({
    role: z.enum(['user', 'assistant']),
    content: z.string().max(LIMITS.messageChars),
    attachments: z.array(attachmentSchema).max(ATTACHMENT_LIMITS.files).optional(),
  })
  .strict();
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const idSchema = z.uuid();

/**
 * Saves the turn in history: the last message as a new user message, a retry of a failed answer,
 * a regenerated answer (the current one is kept as an earlier version, the new one takes its
 * place), or an edit of the last user message (sent as the last message; its earlier text and
 * the answer after it are kept as versions).
 */
export const chatHistorySchema = z
  .object({
    conversationId: idSchema,
    /** The id the answer's row gets (the renderer already shows it under this id). */
    answerId: idSchema,
    turn: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('new'), userMessageId: idSchema }).strict(),
      z.object({ kind: z.literal('retry'), replacesAnswerId: idSchema }).strict(),
      z.object({ kind: z.literal('regenerate'), answerId: idSchema }).strict(),
      z.object({ kind: z.literal('edit'), userMessageId: idSchema }).strict(),
    ]),
  })
  .strict();
export type ChatHistory = z.infer<typeof chatHistorySchema>;

export const chatRequestSchema = z
  .object({
    model: z.string().trim().min(1, 'choose a model').max(LIMITS.modelIdChars),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    messages: z.array(chatMessageSchema).min(1).max(LIMITS.messages),
    /** Absent for chats that are not kept (none yet); present, main commits the turn before sending. */
    history: chatHistorySchema.optional(),
    /** Only the parameters the person set; absent or empty: none are sent. */
    params: chatParamsSchema.optional(),
    /** Where to send it; absent: the conversation's endpoint, else the default one. */
    endpointId: endpointIdSchema.optional(),
  })
  .strict();
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** Every failure the user can meet, as a code the UI can act on plus a sentence a person understands. */
export type ErrorCode =
  | 'auth' // 401: wrong key or wrong team/project
  | 'quota' // 402, or a 429 about quota: out of credits, never retried
  | 'forbidden' // 403: region or organisation
  | 'model-not-found' // 404: unknown or retired model
  | 'bad-request' // 400/422: a parameter the model refuses
  | 'rate-limit' // 429: concurrency limit
  | 'server' // 500 and other 5xx
  | 'overloaded' // 503
  | 'connection' // refused, DNS, TLS
  | 'timeout' // no bytes for too long
  | 'dropped' // stream ended mid-answer
  | 'malformed' // the server sent something that is not the OpenAI format
  | 'no-key' // no API key stored
  | 'insecure-storage' // no keyring: the user must agree before the key is stored
  | 'invalid-request' // payload rejected by the contract
  | 'forbidden-sender' // IPC from a frame that is not the app's own
  | 'settings' // settings could not be read or written
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** HTTP status when the server answered. */
  status?: number;
  /** The request parameter the server named, for 400/422. */
  param?: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type ChatStatus = 'complete' | 'stopped' | 'error';

export interface ChatResult {
  status: ChatStatus;
  content: string;
  reasoning: string;
  usage: Usage | null;
  finishReason: string | null;
  error: AppError | null;
  /** Milliseconds from sending to the first content or reasoning token; null when none arrived. */
  firstTokenMs: number | null;
  durationMs: number;
  /** Milliseconds from the first reasoning token to the first answer token (or the end); null when the model did not reason. */
  thinkingMs: number | null;
}

/** Events of one `chat()` stream. Every stream ends with exactly one `done`. */
export type ChatEvent =
  /** `thinkingMs` comes with the first answer text after reasoning: how long the model thought. */
  | { type: 'delta'; content?: string; reasoning?: string; thinkingMs?: number }
  | { type: 'usage'; usage: Usage }
  | { type: 'retrying'; attempt: number; of: number; reason: AppError }
  | { type: 'done'; result: ChatResult };

/** A message as history keeps it. `interrupted`: the app stopped while it streamed. */
export type MessageStatus = 'complete' | 'streaming' | 'stopped' | 'error' | 'interrupted';

export interface StoredMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  status: MessageStatus;
  error: AppError | null;
  usage: Usage | null;
  /** The model the message was sent to or answered by. */
  model: string;
  finishReason: string | null;
  firstTokenMs: number | null;
  durationMs: number | null;
  /** How long the model reasoned before answering; null when it did not, or when not known (answers from before Parley kept it). */
  thinkingMs: number | null;
  createdAt: number;
  /** Earlier versions (answers a regeneration replaced, text an edit rewrote), oldest first; absent when none. */
  versions?: StoredMessage[];
  /** Files sent with a question; absent when none. */
  attachments?: Attachment[];
}

export interface ConversationSummary {
  id: string;
  title: string;
  model: string;
  createdAt: number;
  updatedAt: number;
  pinned: boolean;
}

export interface StoredConversation extends ConversationSummary {
  systemPrompt: string;
  messages: StoredMessage[];
  /** The conversation's chat parameters; absent in rows made before Parley kept them. */
  params?: ChatParams;
  /** The id of the endpoint it is held with; an id Parley no longer knows means the default endpoint. */
  endpoint?: string;
}

export interface SearchHit {
  conversationId: string;
  /** The message that matched; null when only the title did. */
  messageId: string | null;
  title: string;
  role: 'user' | 'assistant' | null;
  /** Plain text in pieces; `match` marks the searched words. Never HTML. */
  snippet: { text: string; match: boolean }[];
}

export const listConversationsSchema = z
  .object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1_000) })
  .strict();
export const conversationIdSchema = z.object({ id: idSchema }).strict();
export const deleteMessageSchema = z.object({ conversationId: idSchema, messageId: idSchema }).strict();
export const createConversationSchema = z
  .object({
    id: idSchema,
    model: z.string().max(LIMITS.modelIdChars),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    params: chatParamsSchema.optional(),
    /** Absent: the default endpoint. */
    endpointId: endpointIdSchema.optional(),
  })
  .strict();
export const updateConversationSchema = z
  .object({
    id: idSchema,
    patch: z
      .object({
        title: z.string().trim().min(1, 'the title is empty').max(LIMITS.titleChars),
        model: z.string().max(LIMITS.modelIdChars),
        systemPrompt: z.string().max(LIMITS.systemPromptChars),
        pinned: z.boolean(),
        params: chatParamsSchema,
        endpointId: endpointIdSchema,
      })
      .partial()
      .strict(),
  })
  .strict();
/** A file main wrote, or, where main cannot show a save dialog (web mode), one for the page to download. */
export interface SavedFile {
  /** Where it was written; null when the user cancelled the dialog or a download is offered instead. */
  savedTo: string | null;
  download: { fileName: string; mimeType: string; content: string } | null;
}

export interface FolderExportStatus {
  /** The folder the files go to. */
  folder: string;
  done: number;
  total: number;
  finished: boolean;
  cancelled: boolean;
  written: number;
  skipped: { id: string; reason: string }[];
  error: AppError | null;
}

export interface ImportReport {
  /** `notes`: what of the conversation was left out or changed (a ChatGPT import), one sentence each. */
  imported: { id: string; title: string; notes?: string[] }[];
  skipped: { source: string; reason: string }[];
}

/** How far an import of a large file has got. */
export interface ImportProgress {
  /** Bytes of the file main has read. */
  bytes: number;
  imported: number;
  skipped: number;
}

export const importBeginSchema = z.object({ name: z.string().min(1).max(LIMITS.fileNameChars), duplicates: z.enum(['skip', 'replace']) }).strict();
export const importChunkSchema = z
  .object({ jobId: idSchema, data: z.string().max(LIMITS.importChunkChars).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64') })
  .strict();

export const exportConversationSchema = z.object({ id: idSchema }).strict();
export const folderExportSchema = z.object({ ids: z.array(idSchema).max(1_000_000).nullable() }).strict();
export const exportJobSchema = z.object({ jobId: idSchema }).strict();
export const importFilesSchema = z
  .object({
    files: z
      .array(z.object({ name: z.string().min(1).max(LIMITS.fileNameChars), content: z.string() }).strict())
      .min(1)
      .max(LIMITS.importFiles)
      .refine((files) => files.reduce((sum, file) => sum + file.content.length, 0) <= LIMITS.importChars, 'the files are too large for one import'),
    /** What to do with conversations whose id is already stored. */
    duplicates: z.enum(['skip', 'replace']),
  })
  .strict();

/** Base64 of the largest file main stores (an image after processing), with room for padding. */
const MAX_ATTACHMENT_BASE64 = Math.ceil(Math.max(ATTACHMENT_LIMITS.imageBytes, ATTACHMENT_LIMITS.textBytes) / 3) * 4 + 4;
export const addAttachmentSchema = z
  .object({ name: z.string().min(1).max(LIMITS.fileNameChars), base64: z.string().max(MAX_ATTACHMENT_BASE64, 'the file is too large') })
  .strict();
export const attachmentFileSchema = z.object({ file: attachmentSchema.shape.file }).strict();

export const restoreBackupSchema = z.object({ backupFile: z.string().min(1).max(LIMITS.urlChars) }).strict();

export const searchSchema = z
  .object({ query: z.string().max(LIMITS.searchChars), limit: z.number().int().min(1).max(200) })
  .strict();

/** Answers and what they used over a period or for one model; cost only from answers whose model has a known price. */
export interface UsageTotals {
  answers: number;
  promptTokens: number;
  completionTokens: number;
  /** US dollars for the priced answers; null when none had a known price. */
  cost: number | null;
  /** Answers counted in the tokens whose model has no known price. */
  unpricedAnswers: number;
}

/** Usage from the saved history (every answer with usage, earlier versions included), in the user's local calendar. */
export interface UsageReport {
  /** Since Monday 00:00. */
  thisWeek: UsageTotals;
  /** Since the 1st, 00:00. */
  thisMonth: UsageTotals;
  /** All saved history, per model, most tokens first. */
  byModel: (UsageTotals & { model: string })[];
}

/** A named system prompt in the "Prompts" library (a type, so backups can hold it as JSON). */
export type SavedPrompt = {
  id: string;
  name: string;
  /** May hold {{date}}, {{time}} and {{model}}, filled at send time. */
  text: string;
  updatedAt: number;
};

export interface PromptLibrary {
  prompts: SavedPrompt[];
  /** The prompt new chats start with; null: none. */
  defaultId: string | null;
}

export interface PromptImportReport {
  added: string[];
  updated: string[];
  skipped: { name: string; reason: string }[];
}

export const savePromptSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1, 'the name is empty').max(LIMITS.titleChars),
    text: z.string().max(LIMITS.systemPromptChars),
  })
  .strict();
export const setDefaultPromptSchema = z.object({ id: idSchema.nullable() }).strict();
export const importPromptsSchema = z.object({ content: z.string().max(LIMITS.importChars) }).strict();
/** One answer of a Compare run, as the window saw it end (Compare's requests carry no `history`). */
const comparedAnswerSchema = z
  .object({
    id: idSchema,
    model: z.string().trim().min(1).max(LIMITS.modelIdChars),
    content: z.string().max(LIMITS.messageChars),
    reasoning: z.string().max(LIMITS.messageChars),
    status: z.enum(['complete', 'stopped', 'error']),
    error: z
      .object({
        // The renderer got this error from main; only its shape is checked here.
        code: z.custom<ErrorCode>((value) => typeof value === 'string' && /^[a-z-]{1,40}$/.test(value), 'must be an error code'),
        message: z.string().max(2_000),
        status: z.number().int().min(100).max(599).optional(),
        param: z.string().max(200).optional(),
      })
      .strict()
      .nullable(),
    usage: z
      .object({ promptTokens: z.number().int().min(0), completionTokens: z.number().int().min(0), totalTokens: z.number().int().min(0) })
      .strict()
      .nullable(),
    finishReason: z.string().max(100).nullable(),
    firstTokenMs: z.number().min(0).nullable(),
    durationMs: z.number().min(0),
    thinkingMs: z.number().min(0).nullable(),
  })
  .strict();
export type ComparedAnswer = z.infer<typeof comparedAnswerSchema>;

/**
 * "Use this answer" in Compare: the prompt and the chosen answer become the conversation's next
 * turn (created with it when `newConversation`), the other answers its earlier versions, in order.
 */
export const saveComparisonSchema = z
  .object({
    conversationId: idSchema,
    newConversation: z.boolean(),
    /** Where the answers came from, kept by a new conversation; absent: the default endpoint. */
    endpointId: endpointIdSchema.optional(),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    question: z.object({ id: idSchema, content: z.string().trim().min(1, 'the prompt is empty').max(LIMITS.messageChars) }).strict(),
    chosen: comparedAnswerSchema,
    others: z.array(comparedAnswerSchema).max(3),
  })
  .strict()
  .refine((comparison) => new Set([comparison.chosen, ...comparison.others].map((answer) => answer.id)).size === comparison.others.length + 1, 'each answer needs its own id');
export type SaveComparison = z.infer<typeof saveComparisonSchema>;

/** Whether a downloaded update is waiting for a restart. */
export type UpdateStatus = { ready: false } | { ready: true; version: string };

/** Commands main pushes to the page (menu clicks); the page never sends these. */
export const appCommandSchema = z.enum(APP_COMMANDS);

/** An OpenAI-compatible server Parley can talk to, as the page sees it: never its key. */
export interface EndpointView {
  id: string;
  name: string;
  baseURL: string;
  /** Sent as the OpenAI-Project header (W&B's `team/project`); empty for none. */
  project: string;
  /** The W&B Inference endpoint: always there, cannot be removed. */
  builtIn: boolean;
  key: KeyStatus;
}

const endpointFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'the name is empty').max(LIMITS.endpointNameChars),
    baseURL: httpUrl,
    project: z.string().trim().max(LIMITS.projectChars),
  })
  .strict();
export const addEndpointSchema = endpointFieldsSchema
  .extend({ key: z.string().trim().max(LIMITS.keyChars).optional(), allowInsecure: z.boolean().optional() })
  .strict();
export const updateEndpointSchema = z.object({ id: endpointIdSchema, patch: endpointFieldsSchema.partial().strict() }).strict();
export const endpointIdRequestSchema = z.object({ id: endpointIdSchema }).strict();
export const saveEndpointKeySchema = saveKeySchema.extend({ id: endpointIdSchema }).strict();

/** "Test connection": the models the endpoint lists, or what failed. */
export type ConnectionTest = { ok: true; models: string[]; message: string } | { ok: false; error: AppError; message: string };

/** Request/response channels: name → payload and answer. */
export interface Channels {
  'settings:get': { request: Record<string, never>; response: Settings };
  'settings:update': { request: SettingsPatch; response: Settings };
  'key:status': { request: Record<string, never>; response: KeyStatus };
  'key:save': { request: z.infer<typeof saveKeySchema>; response: KeyStatus };
  'key:remove': { request: Record<string, never>; response: KeyStatus };
  'models:list': { request: z.infer<typeof listModelsSchema>; response: ModelList };
  'link:open': { request: z.infer<typeof openLinkSchema>; response: { opened: boolean } };
  'app:notices': { request: Record<string, never>; response: Notice[] };
  'history:list': { request: z.infer<typeof listConversationsSchema>; response: { conversations: ConversationSummary[]; total: number } };
  'history:get': { request: z.infer<typeof conversationIdSchema>; response: StoredConversation };
  'history:create': { request: z.infer<typeof createConversationSchema>; response: StoredConversation };
  'history:update': { request: z.infer<typeof updateConversationSchema>; response: ConversationSummary };
  'history:delete': { request: z.infer<typeof conversationIdSchema>; response: { deleted: boolean } };
  'history:restore': { request: z.infer<typeof conversationIdSchema>; response: ConversationSummary };
  /** Deletes one message with its earlier versions, for good (the UI asks first). */
  'history:deleteMessage': { request: z.infer<typeof deleteMessageSchema>; response: { deleted: boolean } };
  'history:search': { request: z.infer<typeof searchSchema>; response: SearchHit[] };
  /** Names the conversation from its first exchange (the model, or its first words as a fallback). */
  'history:autoTitle': { request: z.infer<typeof conversationIdSchema>; response: ConversationSummary };
  /** Makes a backup the history again; the current file is kept aside, never deleted. */
  'history:restoreBackup': { request: z.infer<typeof restoreBackupSchema>; response: { restored: boolean } };
  /** "Export as Markdown": a save dialog in the app, a download in web mode. */
  'export:conversation': { request: z.infer<typeof exportConversationSchema>; response: SavedFile };
  /** "Copy as Markdown": the same text, for the clipboard. */
  'export:markdownText': { request: z.infer<typeof exportConversationSchema>; response: { markdown: string } };
  /** "Back up": everything but secrets in one JSON file. */
  'export:backup': { request: Record<string, never>; response: SavedFile };
  /** Exports the given conversations (null: all) into a folder the user picks; null jobId when they cancel. */
  'export:folderStart': { request: z.infer<typeof folderExportSchema>; response: { jobId: string | null } };
  'export:folderStatus': { request: z.infer<typeof exportJobSchema>; response: FolderExportStatus };
  'export:folderCancel': { request: z.infer<typeof exportJobSchema>; response: { cancelled: boolean } };
  /** Imports Parley Markdown, Parley backups and ChatGPT exports, all or nothing per call. */
  'import:files': { request: z.infer<typeof importFilesSchema>; response: ImportReport };
  /** A ChatGPT conversations.json of any size, sent in pieces: begin, each piece in order, then finish (or cancel). */
  'import:begin': { request: z.infer<typeof importBeginSchema>; response: { jobId: string } };
  'import:chunk': { request: z.infer<typeof importChunkSchema>; response: ImportProgress };
  'import:finish': { request: z.infer<typeof exportJobSchema>; response: ImportReport };
  /** Stops: what was imported so far stays. */
  'import:cancel': { request: z.infer<typeof exportJobSchema>; response: ImportReport };
  'app:dataFolder': { request: Record<string, never>; response: { path: string } };
  /** Shows the data folder in the file manager; web mode cannot (`opened: false`) and the page shows the path. */
  'app:openDataFolder': { request: Record<string, never>; response: { opened: boolean; path: string } };
  'app:updateStatus': { request: Record<string, never>; response: UpdateStatus };
  /** Quits and installs a downloaded update; false when there is none (or in web mode). */
  'app:installUpdate': { request: Record<string, never>; response: { restarting: boolean } };
  /** "Load image": main fetches one remote image the user asked for and returns it as a data: URL. */
  'image:fetch': { request: z.infer<typeof openLinkSchema>; response: { dataUrl: string } };
  /** Tokens and cost this week, this month and per model, from the history. */
  'usage:report': { request: Record<string, never>; response: UsageReport };
  'prompts:list': { request: Record<string, never>; response: PromptLibrary };
  /** Creates the prompt, or changes the one with this id. */
  'prompts:save': { request: z.infer<typeof savePromptSchema>; response: PromptLibrary };
  'prompts:delete': { request: z.infer<typeof conversationIdSchema>; response: PromptLibrary };
  'prompts:setDefault': { request: z.infer<typeof setDefaultPromptSchema>; response: PromptLibrary };
  /** "Export prompts": the library as JSON, saved or downloaded like other exports. */
  'prompts:export': { request: Record<string, never>; response: SavedFile };
  /** "Import prompts": merges a library file by id; bad JSON changes nothing. */
  'prompts:import': { request: z.infer<typeof importPromptsSchema>; response: { library: PromptLibrary; report: PromptImportReport } };
  'endpoints:list': { request: Record<string, never>; response: EndpointView[] };
  /** Adds an endpoint, with its key when one is given (encrypted like the W&B key). */
  'endpoints:add': { request: z.infer<typeof addEndpointSchema>; response: EndpointView };
  'endpoints:update': { request: z.infer<typeof updateEndpointSchema>; response: EndpointView };
  /** Removes an added endpoint and its key; its conversations go on with the default endpoint. */
  'endpoints:remove': { request: z.infer<typeof endpointIdRequestSchema>; response: { removed: boolean } };
  'endpoints:saveKey': { request: z.infer<typeof saveEndpointKeySchema>; response: EndpointView };
  'endpoints:removeKey': { request: z.infer<typeof endpointIdRequestSchema>; response: EndpointView };
  /** GET /models with the endpoint's settings and key. */
  'endpoints:test': { request: z.infer<typeof endpointIdRequestSchema>; response: ConnectionTest };
  /** Compare's "Use this answer", saved in one transaction; answers the conversation as saved. */
  'history:saveComparison': { request: SaveComparison; response: StoredConversation };
  /** Stores a processed file for the next message (checked by content and size); the message refers to it. */
  'attachment:add': { request: z.infer<typeof addAttachmentSchema>; response: Attachment };
  /** A stored image as a data: URL, for thumbnails and the large view. */
  'attachment:read': { request: z.infer<typeof attachmentFileSchema>; response: { dataUrl: string } };
}
export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResponseOf<C extends Channel> = Channels[C]['response'];

/** Runtime schema per channel; main rejects anything that does not parse. */
export const requestSchemas: { [C in Channel]: z.ZodType<RequestOf<C>> } = {
  'settings:get': emptySchema,
  'settings:update': settingsPatchSchema,
  'key:status': emptySchema,
  'key:save': saveKeySchema,
  'key:remove': emptySchema,
  'models:list': listModelsSchema,
  'link:open': openLinkSchema,
  'app:notices': emptySchema,
  'history:list': listConversationsSchema,
  'history:get': conversationIdSchema,
  'history:create': createConversationSchema,
  'history:update': updateConversationSchema,
  'history:delete': conversationIdSchema,
  'history:restore': conversationIdSchema,
  'history:deleteMessage': deleteMessageSchema,
  'history:search': searchSchema,
  'history:autoTitle': conversationIdSchema,
  'history:restoreBackup': restoreBackupSchema,
  'export:conversation': exportConversationSchema,
  'export:markdownText': exportConversationSchema,
  'export:backup': emptySchema,
  'export:folderStart': folderExportSchema,
  'export:folderStatus': exportJobSchema,
  'export:folderCancel': exportJobSchema,
  'import:files': importFilesSchema,
  'import:begin': importBeginSchema,
  'import:chunk': importChunkSchema,
  'import:finish': exportJobSchema,
  'import:cancel': exportJobSchema,
  'app:dataFolder': emptySchema,
  'app:openDataFolder': emptySchema,
  'app:updateStatus': emptySchema,
  'app:installUpdate': emptySchema,
  'image:fetch': openLinkSchema,
  'usage:report': emptySchema,
  'prompts:list': emptySchema,
  'prompts:save': savePromptSchema,
  'prompts:delete': conversationIdSchema,
  'prompts:setDefault': setDefaultPromptSchema,
  'prompts:export': emptySchema,
  'prompts:import': importPromptsSchema,
  'endpoints:list': emptySchema,
  'endpoints:add': addEndpointSchema,
  'endpoints:update': updateEndpointSchema,
  'endpoints:remove': endpointIdRequestSchema,
  'endpoints:saveKey': saveEndpointKeySchema,
  'endpoints:removeKey': endpointIdRequestSchema,
  'endpoints:test': endpointIdRequestSchema,
  'history:saveComparison': saveComparisonSchema,
  'attachment:add': addAttachmentSchema,
  'attachment:read': attachmentFileSchema,
};

export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export { CHAT_CHANNEL } from './chatChannel';
export { APP_COMMAND_CHANNEL, type AppCommand } from './appCommands';

/** Something main wants the user to know once, e.g. a settings file that was moved aside. */
export interface Notice {
  id: string;
  level: 'info' | 'warning';
  message: string;
  /** A history backup the user can restore from the notice ("Restore backup"). */
  backupFile?: string;
}

/** How answers cross the transport: never a thrown Electron error with its stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Messages on a chat stream from renderer to main. */
export type ChatControl = { type: 'cancel' };
