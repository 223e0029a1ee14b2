/** Row shapes as SQLite returns them, and their conversion to the store's types. */
import type { AppError } from '../../shared/ipc';
import type { Conversation, ConversationSummary, MessageRole, MessageStatus, ModelParams, StoredMessage } from './types';

export interface ConversationRow {
  id: string;
  title: string;
  model: string;
  system_prompt: string;
  params: string;
  created_at: number;
  updated_at: number;
  pinned: 0 | 1;
  archived: 0 | 1;
  endpoint: string;
  tool_servers: string;
}

export type SummaryRow = Omit<ConversationRow, 'system_prompt' | 'params' | 'endpoint' | 'tool_servers'> & { message_count: number };

/** The `messages` columns a `MessageRow` is read from. */
export const MESSAGE_COLUMNS = [
  'id', 'conversation_id', 'role', 'content', 'reasoning', 'model', 'params', 'prompt_tokens', 'completion_tokens', 'total_tokens',
  'first_token_ms', 'duration_ms', 'thinking_ms', 'finish_reason', 'error', 'status', 'created_at', 'updated_at',
] as const;

export interface MessageRow {
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  reasoning: string;
  model: string;
  params: string;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  first_token_ms: number | null;
  duration_ms: number | null;
  thinking_ms: number | null;
  finish_reason: string | null;
  error: string | null;
  status: MessageStatus;
  created_at: number;
  updated_at: number;
}

export const toSummary = (row: SummaryRow): ConversationSummary => ({
  id: row.id,
  title: row.title,
  model: row.model,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  pinned: row.pinned === 1,
  archived: row.archived === 1,
  messageCount: row.message_count,
});

export const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  model: row.model,
  systemPrompt: row.system_prompt,
  params: JSON.parse(row.params) as ModelParams,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  pinned: row.pinned === 1,
  archived: row.archived === 1,
  endpoint: row.endpoint,
  toolServers: JSON.parse(row.tool_servers) as string[],
});

export const toMessage = (row: MessageRow): StoredMessage => ({
  id: row.id,
  conversationId: row.conversation_id,
  role: row.role,
  content: row.content,
  reasoning: row.reasoning,
  model: row.model,
  params: JSON.parse(row.params) as ModelParams,
  usage:
    row.total_tokens === null
      ? null
      : { promptTokens: row.prompt_tokens ?? 0, completionTokens: row.completion_tokens ?? 0, totalTokens: row.total_tokens },
  firstTokenMs: row.first_token_ms,
  durationMs: row.duration_ms,
  thinkingMs: row.thinking_ms,
  finishReason: row.finish_reason,
  error: row.error === null ? null : (JSON.parse(row.error) as AppError),
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** How an answer ended, as the named parameters of its columns: the inverse of toMessage for these fields. */
export const outcomeColumns = (outcome: Pick<StoredMessage, 'usage' | 'firstTokenMs' | 'durationMs' | 'finishReason' | 'error'> & { thinkingMs?: number | null }) => ({
  promptTokens: outcome.usage?.promptTokens ?? null,
  completionTokens: outcome.usage?.completionTokens ?? null,
  totalTokens: outcome.usage?.totalTokens ?? null,
  firstTokenMs: outcome.firstTokenMs,
  durationMs: outcome.durationMs,
  thinkingMs: outcome.thinkingMs ?? null,
  finishReason: outcome.finishReason,
  error: outcome.error === null ? null : JSON.stringify(outcome.error),
});
