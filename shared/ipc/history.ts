/** The history table: the saved conversations, as the sidebar and the chat read and change them. */
import { z } from 'zod';
import type { ChatParams } from '../chatParams';
import { LIMITS } from '../limits';
import type { Attachment } from './attachments';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';
import { chatParamsSchema, type Usage } from './chat';
import type { AppError } from './errors';
import { endpointIdSchema, idRequestSchema, idSchema } from './fields';
import { conversationToolServersSchema, type ToolCallRecord } from './tools';

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
  /** The other versions at its branch point (answers a regeneration replaced, text an edit rewrote), oldest first, without their branches; absent when none. */
  versions?: StoredMessage[];
  /** The ids of every version at its branch point, itself included, oldest first (‹ n/m ›); absent when it is the only one. */
  siblings?: string[];
  /** Files sent with a question; absent when none. */
  attachments?: Attachment[];
  /** The tool calls an answer made, in order; absent when none. */
  toolCalls?: ToolCallRecord[];
  /** Stored names of those whose files are not in the data folder (restored from a backup, which keeps no files); absent when none. */
  missingAttachments?: string[];
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
  /** The MCP servers whose tools it may use; absent in rows made before Parley had tools. */
  toolServers?: string[];
}

/** One conversation found by a search. */
export interface SearchHit {
  conversationId: string;
  /** Its best matching message (an answer, when the match is in its tool calls), where opening the result goes; null when only the title matched. */
  messageId: string | null;
  title: string;
  role: 'user' | 'assistant' | null;
  /**
   * A line of that message, or of one of its tool calls' arguments or result after the tool's name
   * (`read_file: …`), in plain pieces; `match` marks the searched words. Never HTML. Empty for a title match only.
   */
  snippet: { text: string; match: boolean }[];
  /** How many of its messages match, in their text or their tool calls. */
  matchCount: number;
  /** The count is a lower bound: the conversation is too long to count in full for this query. */
  moreMatches: boolean;
  /** When the best matching message was written, or the conversation last changed for a title match (ms since the epoch). */
  date: number;
}

/** One of the history backups Parley keeps in its data folder (taken before each upgrade). */
export interface HistoryBackupView {
  file: string;
  name: string;
  /** When it was taken (ms since the epoch). */
  takenAt: number;
  bytes: number;
}

export interface ConversationPage {
  conversations: ConversationSummary[];
  total: number;
}

export const listConversationsSchema = z
  .object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1_000) })
  .strict();
/** At most what one change names: a page of the list. */
export const summariesSchema = z.object({ ids: z.array(idSchema).max(1_000) }).strict();
export const deleteMessageSchema = z.object({ conversationId: idSchema, messageId: idSchema }).strict();
/** `forkId`: the new conversation's id (the page names new rows itself, as for createConversation). */
export const forkConversationSchema = z.object({ id: idSchema, messageId: idSchema, forkId: idSchema }).strict();
export const createConversationSchema = z
  .object({
    id: idSchema,
    model: z.string().max(LIMITS.modelIdChars),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    params: chatParamsSchema.optional(),
    /** Absent: the default endpoint. */
    endpointId: endpointIdSchema.optional(),
    toolServers: conversationToolServersSchema.optional(),
  })
  .strict();
export const conversationPatchSchema = z
  .object({
    title: z.string().trim().min(1, 'the title is empty').max(LIMITS.titleChars),
    model: z.string().max(LIMITS.modelIdChars),
    systemPrompt: z.string().max(LIMITS.systemPromptChars),
    pinned: z.boolean(),
    params: chatParamsSchema,
    endpointId: endpointIdSchema,
    toolServers: conversationToolServersSchema,
  })
  .partial()
  .strict();
export type ConversationPatch = z.infer<typeof conversationPatchSchema>;
export const updateConversationSchema = z.object({ id: idSchema, patch: conversationPatchSchema }).strict();
export const searchSchema = z.object({ query: z.string().max(LIMITS.searchChars), limit: z.number().int().min(1).max(200) }).strict();
export const restoreBackupSchema = z.object({ backupFile: z.string().min(1).max(LIMITS.urlChars) }).strict();

/** The conversation a request names changed. */
const thisConversation = ({ id }: { id: string }) => [changed('conversations', [id])];

export const historyCalls = {
  listConversations: call({ channel: 'history:list', request: listConversationsSchema, response: returns<ConversationPage>() }),
  /** The summaries of these conversations, as a change names them; deleted and unknown ones are left out. */
  conversationSummaries: call({ channel: 'history:summaries', request: summariesSchema, response: returns<ConversationSummary[]>() }),
  getConversation: call({ channel: 'history:get', request: idRequestSchema, response: returns<StoredConversation>() }),
  /** An empty conversation. Not announced: nothing lists it before its first turn, which is. (The page's own first turn creates its conversation itself: `newConversation` in chat.ts.) */
  createConversation: call({ channel: 'history:create', request: createConversationSchema, response: returns<StoredConversation>() }),
  updateConversation: call({
    channel: 'history:update',
    request: updateConversationSchema,
    response: returns<ConversationSummary>(),
    changes: thisConversation,
  }),
  deleteConversation: call({ channel: 'history:delete', request: idRequestSchema, response: returns<{ deleted: boolean }>(), changes: thisConversation }),
  restoreConversation: call({ channel: 'history:restore', request: idRequestSchema, response: returns<ConversationSummary>(), changes: thisConversation }),
  /** Shows the branch through a message (`‹ n/m ›`, a search hit): that version and each chosen continuation after it. Returns the conversation as it now shows. */
  showBranch: call({
    channel: 'history:showBranch',
    request: deleteMessageSchema,
    response: returns<StoredConversation>(),
    changes: ({ conversationId }) => [changed('messages', [conversationId])],
  }),
  /** Deletes a message with the branch after it, for good (the UI asks first). Returns the conversation as it now shows: another version may stand in its place. */
  deleteMessage: call({
    channel: 'history:deleteMessage',
    request: deleteMessageSchema,
    response: returns<{ deleted: boolean; conversation: StoredConversation }>(),
    changes: ({ conversationId }) => [changed('messages', [conversationId])],
  }),
  searchConversations: call({ channel: 'history:search', request: searchSchema, response: returns<SearchHit[]>() }),
  /** Names the conversation from its first exchange (the model, or its first words as a fallback). */
  /** "Fork from here": a new conversation with the path up to the message, the original unchanged. */
  forkConversation: call({
    channel: 'history:fork',
    request: forkConversationSchema,
    response: returns<ConversationSummary>(),
    changes: ({ forkId }) => [changed('conversations', [forkId])],
  }),
  autoTitle: call({ channel: 'history:autoTitle', request: idRequestSchema, response: returns<ConversationSummary>(), changes: thisConversation }),
  /** The history backups in the data folder, newest first ("Restore from backup…"). */
  listHistoryBackups: call({ channel: 'history:listBackups', request: emptySchema, response: returns<HistoryBackupView[]>() }),
  /** Makes a backup the history again; the current file is kept aside, never deleted. */
  restoreHistoryBackup: call({
    channel: 'history:restoreBackup',
    request: restoreBackupSchema,
    response: returns<{ restored: boolean }>(),
    changes: () => [changed('conversations'), changed('messages')],
  }),
};
