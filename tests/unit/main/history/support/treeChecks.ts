/** What a test can say about a conversation's whole tree, read from the database itself. */
import { expect } from 'vitest';
import type { Db } from '../../../../../main/history/database';

/** Every structural promise of the tree: positions, parents, chosen leaves, hidden nodes. */
export function checkTree(db: Db, conversationId: string): void {
  const rows = db.prepare('SELECT id, parent_id AS parent, position FROM messages WHERE conversation_id = ? ORDER BY position').all(conversationId) as { id: string; parent: string | null; position: number }[];
  const path = rows.filter((row) => row.position >= 0);
  expect(path.map((row) => row.position)).toEqual(path.map((_, index) => index));
  path.forEach((row, index) => expect(row.parent).toBe(path[index - 1]?.id ?? null));
  // The path runs to a leaf, and starts at a first message whenever there is one.
  expect(rows.some((row) => row.parent === (path.at(-1)?.id ?? null))).toBe(false);
  const ids = new Set(rows.map((row) => row.id));
  expect(rows.filter((row) => row.parent !== null && !ids.has(row.parent))).toEqual([]);
}

export interface TreeSnapshot {
  /** Every message, shown or not, by id: what a person reads and what was attached or called. */
  messages: Record<string, { parent: string | null; shown: boolean; role: string; content: string; reasoning: string; status: string; model: string; attachments: string[]; toolCalls: string[] }>;
  /** At each branch point (by parent id, '' for the first messages): the children, the one shown first, then the one that would take its place… */
  choices: Record<string, string[]>;
}

/** The whole tree of a conversation, as comparable data: two stores hold the same tree when their snapshots are equal. */
export function treeSnapshot(db: Db, conversationId: string): TreeSnapshot {
  const rows = db.prepare(`
    SELECT id, parent_id, position, role, content, reasoning, status, model FROM messages WHERE conversation_id = ?
    ORDER BY chosen_at DESC, seq DESC`).all(conversationId) as { id: string; parent_id: string | null; position: number; role: string; content: string; reasoning: string; status: string; model: string }[];
  const attachments = db.prepare('SELECT name FROM message_attachments WHERE message_id = ? ORDER BY position').pluck();
  const toolCalls = db.prepare("SELECT tool || ' ' || arguments || ' ' || status || ' ' || coalesce(result_text, '') || ' ' || result_images FROM tool_calls WHERE message_id = ? ORDER BY position").pluck();
  const snapshot: TreeSnapshot = { messages: {}, choices: {} };
  for (const row of rows) {
    snapshot.messages[row.id] = {
      parent: row.parent_id,
      shown: row.position >= 0,
      role: row.role,
      content: row.content,
      reasoning: row.reasoning,
      status: row.status,
      model: row.model,
      attachments: attachments.all(row.id) as string[],
      toolCalls: toolCalls.all(row.id) as string[],
    };
    (snapshot.choices[row.parent_id ?? ''] ??= []).push(row.id);
  }
  return snapshot;
}
