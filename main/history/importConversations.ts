/**
 * Writes imported conversations exactly as they were exported: ids, times, statuses, usage,
 * timings and parameters, so exporting them again gives the same bytes. All of one import is
 * one transaction: if any write fails, nothing already stored has changed.
 *
 * What an export does not carry is set plainly: a message's last-change time is its creation
 * time, and the conversation is not archived. The whole tree is laid down as tree.ts keeps it:
 * the shown path at positions 0..n-1, every other version a sibling of its message at a unique
 * negative position with the branch below it, and at each branch point the same version chosen
 * (shown), the others ranked as they were (see ExportVersion.recency).
 */
import type { Attachment } from '../../shared/ipc';
import { everyNode } from '../export/exportTree';
import type { ExportAttachment, ExportConversation, ExportMessage, ExportNode } from '../export/types';
import { write } from './database';
import { outcomeColumns } from './rows';
import { storable } from './snippet';
import type { StoreContext } from './storeContext';
import type { AttachmentRows } from './attachments';
import type { ToolCallRows } from './toolCalls';

/** What to do with a conversation whose id is already in the history. */
export type DuplicateMode = 'skip' | 'replace';

/** For each conversation, in order: null when it was stored, else why it was skipped. */
export type ImportConversations = (conversations: readonly ExportConversation[], duplicates: DuplicateMode) => (string | null)[];

export function createImporter({ db }: Pick<StoreContext, 'db'>, attachments: AttachmentRows, toolCalls: ToolCallRows): ImportConversations {
  const statements = {
    find: db.prepare('SELECT deleted_at FROM conversations WHERE id = ?'),
    // Messages and search postings go with it (ON DELETE CASCADE and the FTS triggers).
    remove: db.prepare('DELETE FROM conversations WHERE id = ?'),
    // A version is a message too (a hidden node of the tree, migration 012): one namespace of ids.
    messageOwner: db.prepare('SELECT conversation_id FROM messages WHERE id = @id').pluck(),
    callOwner: db.prepare('SELECT m.conversation_id FROM tool_calls AS c JOIN messages AS m ON m.id = c.message_id WHERE c.id = @id').pluck(),
    insertConversation: db.prepare(`
      INSERT INTO conversations (id, title, model, system_prompt, params, endpoint, created_at, updated_at, pinned)
      VALUES (@id, @title, @model, @systemPrompt, @params, @endpoint, @createdAt, @updatedAt, @pinned)`),
    insertMessage: db.prepare(`
      INSERT INTO messages (id, conversation_id, parent_id, position, chosen_at, role, content, reasoning, model, params, prompt_tokens,
        completion_tokens, total_tokens, first_token_ms, duration_ms, thinking_ms, finish_reason, error, status, created_at, updated_at)
      VALUES (@id, @conversationId, @parentId, @position, @choice, @role, @content, @reasoning, @model, @params, @promptTokens,
        @completionTokens, @totalTokens, @firstTokenMs, @durationMs, @thinkingMs, @finishReason, @error, @status, @createdAt, @createdAt)`),
  };

  /** The last hidden position given in the conversation being inserted. */
  let hidden = 0;

  /** Why the conversation's messages cannot be stored under their ids, or null when they can. */
  function messageIdClash(c: ExportConversation): string | null {
    const ids = new Set<string>();
    const nodes = everyNode(c.messages);
    for (const { id } of nodes) {
      if (ids.has(id)) return `the message id ${id} appears twice in it.`;
      ids.add(id);
      const owner = statements.messageOwner.get({ id }) as string | undefined;
      if (owner !== undefined && owner !== c.id) return `its message ${id} is already stored in another conversation.`;
    }
    const callIds = new Set<string>();
    for (const { id } of nodes.flatMap((m) => m.toolCalls ?? [])) {
      if (callIds.has(id)) return `the tool call id ${id} appears twice in it.`;
      callIds.add(id);
      const owner = statements.callOwner.get({ id }) as string | undefined;
      if (owner !== undefined && owner !== c.id) return `its tool call ${id} is already stored in another conversation.`;
    }
    return null;
  }

  /** The named parameters shared by a message's and a version's row. */
  const rowColumns = (m: ExportNode) => ({
    id: m.id,
    role: m.role,
      content: storable(m.content),
      reasoning: storable(m.reasoning),
      model: m.model,
      params: JSON.stringify(m.params ?? {}),
      ...outcomeColumns(m),
      // Nothing is streaming an imported answer; start-up recovery would mark it so anyway.
    status: m.status === 'streaming' ? 'interrupted' : m.status,
    createdAt: m.createdAt,
  });

  /** Links in an export file were turned into stored files before (export/importAttachments.ts); only those are kept. */
  const storedFiles = (list: readonly ExportAttachment[]): Attachment[] =>
    list.flatMap(({ file, name, kind, mimeType, bytes }) => (file ? [{ file, name, kind, mimeType, bytes }] : []));

  /** An answer's tool calls, in order; none is still running or waiting once imported. */
  function insertToolCalls(m: ExportNode): void {
    for (const call of m.toolCalls ?? []) {
      const unfinished = call.status === 'running' || call.status === 'awaiting-approval';
      const record = { ...call, resultImages: storedFiles(call.resultImages) };
      toolCalls.save(m.id, unfinished ? { ...record, status: 'interrupted' } : record);
    }
  }

  /** One message of the tree after `parentId`: its tool calls, its row, its attachments. */
  function insertNode(conversationId: string, m: ExportNode, parentId: string | null, position: number, choice: number): void {
    // Calls first: the answer's row then indexes all their text for search at once (migration 011), not once per call.
    insertToolCalls(m);
    statements.insertMessage.run({ ...rowColumns(m), conversationId, parentId, position, choice });
    const stored = storedFiles(m.attachments ?? []);
    if (stored.length > 0) attachments.add(m.id, stored);
  }

  /**
   * A branch after `parentId`: each message chosen over its versions, which come after it as its
   * siblings, each with its continuation. On the shown path (`shown`) positions count from 0;
   * elsewhere they go -1, -2…: unique and below the path, as tree.ts keeps them.
   */
  function insertBranch(conversationId: string, messages: readonly ExportMessage[], parentId: string | null, shown: boolean): void {
    messages.forEach((m, index) => {
      const parent = messages[index - 1]?.id ?? parentId;
      const versions = m.versions ?? [];
      insertNode(conversationId, m, parent, shown ? index : --hidden, versions.length + 1);
      // Only the order of `chosen_at` among siblings counts: 1…n for the versions by recency (a file's ties go by their order), n + 1 for the message.
      const byRecency = versions.map((version, at) => ({ version, at })).sort((a, b) => (a.version.recency ?? a.at) - (b.version.recency ?? b.at) || a.at - b.at);
      const choices = new Map(byRecency.map(({ version }, rank) => [version, rank + 1]));
      for (const version of versions) {
        insertNode(conversationId, version, parent, --hidden, choices.get(version) ?? 0);
        insertBranch(conversationId, version.continuation ?? [], version.id, false);
      }
    });
  }

  function insert(c: ExportConversation): void {
    statements.insertConversation.run({
      id: c.id,
      title: storable(c.title),
      model: c.model,
      systemPrompt: c.systemPrompt,
      params: JSON.stringify(c.params),
      endpoint: c.endpoint,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      pinned: c.pinned ? 1 : 0,
    });
    hidden = 0;
    insertBranch(c.id, c.messages, null, true);
  }

  /** Stores one conversation, or says why not. */
  function importOne(c: ExportConversation, duplicates: DuplicateMode, seen: ReadonlySet<string>): string | null {
    if (seen.has(c.id)) return 'it appears more than once in this import; the first is used.';
    const existing = statements.find.get(c.id) as { deleted_at: number | null } | undefined;
    // A conversation the user deleted (still undoable) is not "in the history": the import brings it back.
    if (existing?.deleted_at === null && duplicates === 'skip') return 'it is already in your history (kept as it is).';
    const clash = messageIdClash(c);
    if (clash !== null) return clash;
    if (existing !== undefined) statements.remove.run(c.id);
    insert(c);
    return null;
  }

  return (conversations, duplicates) =>
    write(db, () => {
      const seen = new Set<string>();
      return conversations.map((c) => {
        const skipped = importOne(c, duplicates, seen);
        seen.add(c.id);
        return skipped;
      });
    }, 'durable');
}
