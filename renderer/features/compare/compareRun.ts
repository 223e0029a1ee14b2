/**
 * One Compare run as data: a column per model, each an answer (the chat's message shape)
 * filled by its own stream. Pure, so a column's life (streaming, stopped, failed, done) is
 * tested without a window.
 */
import type { ChatResult, Usage } from '../../../shared/ipc';
import { createMessage, withResult, type Message } from '../chat/conversationReducer';

export interface Column extends Message {
  /** When the request went out and the last text came (ms since epoch), and how many chunks came: the live speed. */
  startedAt: number;
  lastChunkAt: number | null;
  chunks: number;
}

export type ColumnAction =
  | { type: 'start'; columns: Column[] }
  /** Text gathered over a frame; `at` is when it was applied, which times the first token until main's timing arrives. */
  | { type: 'append'; id: string; content: string; reasoning: string; chunks: number; at: number; thinkingMs?: number }
  | { type: 'usage'; id: string; usage: Usage }
  /** Main tries again: what the failed attempt sent is dropped. */
  | { type: 'restart'; id: string }
  | { type: 'finish'; id: string; result: ChatResult };

export function startColumn(id: string, model: string, startedAt: number): Column {
  return { ...createMessage({ id, role: 'assistant', status: 'streaming', model, createdAt: startedAt }), startedAt, lastChunkAt: null, chunks: 0 };
}

function updateColumn(columns: readonly Column[], id: string, change: (column: Column) => Column): Column[] {
  return columns.map((column) => (column.id === id ? change(column) : column));
}

export function columnsReducer(columns: readonly Column[], action: ColumnAction): Column[] {
  switch (action.type) {
    case 'start':
      return action.columns;
    case 'append':
      return updateColumn(columns, action.id, (column) => ({
        ...column,
        content: column.content + action.content,
        reasoning: column.reasoning + action.reasoning,
        chunks: column.chunks + action.chunks,
        lastChunkAt: action.at,
        firstTokenMs: column.firstTokenMs ?? action.at - column.startedAt,
        thinkingMs: action.thinkingMs ?? column.thinkingMs,
      }));
    case 'usage':
      return updateColumn(columns, action.id, (column) => ({ ...column, usage: action.usage }));
    case 'restart':
      return updateColumn(columns, action.id, (column) => ({ ...column, content: '', reasoning: '', chunks: 0, lastChunkAt: null, firstTokenMs: null }));
    case 'finish':
      return updateColumn(columns, action.id, (column) => withResult(column, action.result));
  }
}

/** "Use this answer" is offered for a finished answer, or a stopped one that has text. */
export function canUse(column: Column): boolean {
  return column.status === 'complete' || (column.status === 'stopped' && column.content.trim() !== '');
}
