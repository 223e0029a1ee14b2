/**
 * Types of the history store: the contract's renderer-facing shapes, plus what only main
 * keeps (parameters, archive flag, counts).
 */
import type {
  Attachment,
  ChatResult,
  ConversationSummary as SummaryView,
  MessageStatus,
  Notice,
  SearchHit,
  StoredMessage as MessageView,
} from '../../shared/ipc';

export type { MessageStatus };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Request parameters kept with a conversation or message (temperature, max_tokens…). */
export type ModelParams = { [key: string]: JsonValue };

export type MessageRole = 'user' | 'assistant';

/** Times are milliseconds since the epoch. */
export interface ConversationSummary extends SummaryView {
  archived: boolean;
  messageCount: number;
}

export interface Conversation extends Omit<ConversationSummary, 'messageCount'> {
  systemPrompt: string;
  params: ModelParams;
  /** The id of the endpoint it is held with (see main/endpoints); '' or an unknown id means the default one. */
  endpoint: string;
  /** The MCP servers whose tools it may use. */
  toolServers: string[];
}

export interface ConversationWithMessages extends Conversation {
  messages: StoredMessage[];
}

export interface NewConversation {
  /** The renderer names new rows itself, so what it shows already carries the stored id. */
  id?: string;
  title: string;
  model: string;
  systemPrompt: string;
  params: ModelParams;
  /** '' when absent. */
  endpoint?: string;
  /** None when absent. */
  toolServers?: string[];
}

/** The endpoint changes when a turn is sent to another one, as the model does. */
export type ConversationPatch = Partial<NewConversation & { pinned: boolean; archived: boolean }>;

export interface StoredMessage extends MessageView {
  conversationId: string;
  params: ModelParams;
  updatedAt: number;
  versions?: StoredMessage[];
}

export interface NewMessage {
  id?: string;
  model: string;
  params: ModelParams;
  /** Absent: after the visible path. Present: a new branch, as the newest child of that message (null: a first message). */
  parentId?: string | null;
}

export interface NewUserMessage extends NewMessage {
  content: string;
  /** Stored with the message, in its transaction; absent or empty when none. */
  attachments?: readonly Attachment[];
}

/** Text that arrived on a stream since the last append. */
export interface AnswerDelta {
  content?: string;
  reasoning?: string;
}

/** How an answer ended: the non-text part of a ChatResult, so a ChatResult can be passed as is; no `thinkingMs`: it did not reason. */
export type AnswerOutcome = Pick<ChatResult, 'status' | 'usage' | 'finishReason' | 'error' | 'firstTokenMs' | 'durationMs'> & Partial<Pick<ChatResult, 'thinkingMs'>>;

/** A piece of a search snippet; `match` pieces are the words that matched. Plain text, never HTML. */
export type SnippetSegment = SearchHit['snippet'][number];

export type SearchResult = SearchHit;

/** A notice about the history file; `backupFile` is a backup the UI can offer to restore. */
export type HistoryNotice = Notice;
