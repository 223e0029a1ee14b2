/**
 * The tool calls of answers (migration 010; searched through 011): one row per call, rewritten at each of its steps,
 * read back with its conversation (for live answers and their earlier versions alike).
 */
import type { Attachment, ToolCallRecord } from '../../shared/ipc';
import type { Db } from './database';
import { storable } from './snippet';

export interface ToolCallRows {
  /** Each answer's calls in the order they were made, by message (or version) id. */
  listFor(conversationId: string): Map<string, ToolCallRecord[]>;
  /** Inserts the call or writes its new state. Call inside a write transaction. */
  save(messageId: string, call: ToolCallRecord): void;
  /** Calls a crash left unfinished become `interrupted`; returns how many. Call inside a write transaction. */
  recoverInterrupted(): number;
  /** Every image file a stored call refers to. */
  referencedFiles(): Set<string>;
}

interface ToolCallRow {
  message_id: string;
  id: string;
  round: number;
  content_offset: number;
  server_id: string | null;
  server_name: string;
  tool: string;
  arguments: string;
  status: ToolCallRecord['status'];
  decision: ToolCallRecord['decision'];
  result_text: string | null;
  result_images: string;
  error: string | null;
  started_at: number;
  duration_ms: number | null;
}

const COLUMNS = `c.message_id, c.id, c.round, c.content_offset, c.server_id, c.server_name, c.tool, c.arguments, c.status,
  c.decision, c.result_text, c.result_images, c.error, c.started_at, c.duration_ms`;

const toRecord = (row: ToolCallRow): ToolCallRecord => ({
  id: row.id,
  round: row.round,
  contentOffset: row.content_offset,
  serverId: row.server_id,
  serverName: row.server_name,
  tool: row.tool,
  arguments: row.arguments,
  status: row.status,
  decision: row.decision,
  resultText: row.result_text,
  resultImages: JSON.parse(row.result_images) as Attachment[],
  error: row.error,
  startedAt: row.started_at,
  durationMs: row.duration_ms,
});

export function createToolCallRows(db: Db): ToolCallRows {
  const statements = {
    listFor: db.prepare(`
      SELECT ${COLUMNS} FROM tool_calls AS c
      WHERE c.message_id IN (SELECT id FROM messages WHERE conversation_id = @conversationId)
      ORDER BY c.message_id, c.position`),
    save: db.prepare(`
      INSERT INTO tool_calls (id, message_id, position, round, content_offset, server_id, server_name, tool, arguments, status,
        decision, result_text, result_images, error, started_at, duration_ms)
      VALUES (@id, @messageId, (SELECT coalesce(max(position) + 1, 0) FROM tool_calls WHERE message_id = @messageId), @round,
        @contentOffset, @serverId, @serverName, @tool, @arguments, @status, @decision, @resultText, @resultImages, @error,
        @startedAt, @durationMs)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, decision = excluded.decision, result_text = excluded.result_text,
        result_images = excluded.result_images, error = excluded.error, started_at = excluded.started_at, duration_ms = excluded.duration_ms`),
    recover: db.prepare(`UPDATE tool_calls SET status = 'interrupted' WHERE status IN ('running', 'awaiting-approval')`),
    files: db.prepare(`SELECT DISTINCT json_extract(image.value, '$.file') FROM tool_calls, json_each(tool_calls.result_images) AS image`).pluck(),
  };

  return {
    listFor(conversationId) {
      const byMessage = new Map<string, ToolCallRecord[]>();
      for (const row of statements.listFor.all({ conversationId }) as ToolCallRow[]) {
        const calls = byMessage.get(row.message_id) ?? [];
        calls.push(toRecord(row));
        byMessage.set(row.message_id, calls);
      }
      return byMessage;
    },
    save(messageId, call) {
      statements.save.run({
        ...call,
        messageId,
        // Stored the way answers are: without the markers search uses.
        arguments: storable(call.arguments),
        resultText: call.resultText === null ? null : storable(call.resultText),
        resultImages: JSON.stringify(call.resultImages),
      });
    },
    recoverInterrupted: () => statements.recover.run().changes,
    referencedFiles: () => new Set(statements.files.all() as string[]),
  };
}
