import { write } from './database';
import { toConversation, toSummary } from './rows';
import type { ConversationRow, SummaryRow } from './rows';
import { storable } from './snippet';
import { missingConversation } from './storeContext';
import type { StoreContext } from './storeContext';
import type { Conversation, ConversationPatch, ConversationSummary, NewConversation } from './types';

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface Conversations {
  list(options?: ListOptions): ConversationSummary[];
  /** How many live (not deleted) conversations there are. */
  count(): number;
  /** Every live conversation's id, in list order. */
  ids(): string[];
  /** Null for an unknown or deleted conversation. */
  get(id: string): Conversation | null;
  create(input: NewConversation): Conversation;
  update(id: string, patch: ConversationPatch): Conversation;
  remove(id: string): void;
  restore(id: string): void;
  purgeDeleted(olderThanMs: number): number;
  /** Marks a live conversation as just used; throws for a missing or deleted one. */
  touch(id: string, at: number): void;
}

const COLUMNS = 'id, title, model, system_prompt, params, created_at, updated_at, pinned, archived, endpoint, tool_servers';
/** The sidebar's order; the index is conversations_recent. */
const LIST_ORDER = 'pinned DESC, updated_at DESC, seq DESC';

/** The columns a patch sets, with their stored values. */
function patchColumns(patch: ConversationPatch): Record<string, string | number> {
  const columns: Record<string, string | number> = {};
  if (patch.title !== undefined) columns.title = storable(patch.title);
  if (patch.model !== undefined) columns.model = patch.model;
  if (patch.systemPrompt !== undefined) columns.system_prompt = patch.systemPrompt;
  if (patch.params !== undefined) columns.params = JSON.stringify(patch.params);
  if (patch.pinned !== undefined) columns.pinned = patch.pinned ? 1 : 0;
  if (patch.archived !== undefined) columns.archived = patch.archived ? 1 : 0;
  if (patch.endpoint !== undefined) columns.endpoint = patch.endpoint;
  if (patch.toolServers !== undefined) columns.tool_servers = JSON.stringify(patch.toolServers);
  return columns;
}

export function createConversations({ db, now, newId }: StoreContext): Conversations {
  const statements = {
    // Pinned first, so a paged sidebar has all of them on its first page.
    list: db.prepare(`
      SELECT id, title, model, created_at, updated_at, pinned, archived,
        (SELECT count(*) FROM messages WHERE conversation_id = c.id AND position >= 0) AS message_count
      FROM conversations AS c
      WHERE deleted_at IS NULL
      ORDER BY ${LIST_ORDER}
      LIMIT ? OFFSET ?`),
    get: db.prepare(`SELECT ${COLUMNS} FROM conversations WHERE id = ? AND deleted_at IS NULL`),
    count: db.prepare('SELECT count(*) AS n FROM conversations WHERE deleted_at IS NULL'),
    ids: db.prepare(`SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY ${LIST_ORDER}`).pluck(),
    insert: db.prepare(`
      INSERT INTO conversations (id, title, model, system_prompt, params, endpoint, tool_servers, created_at, updated_at)
      VALUES (@id, @title, @model, @systemPrompt, @params, @endpoint, @toolServers, @at, @at)`),
    touch: db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
    remove: db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
    restore: db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ?'),
    purge: db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?'),
  };

  const get = (id: string): Conversation | null => {
    const row = statements.get.get(id) as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  };

  const touch = (id: string, at: number): void => {
    if (statements.touch.run(at, id).changes === 0) throw missingConversation();
  };

  return {
    list: ({ limit = 50, offset = 0 } = {}) => (statements.list.all(limit, offset) as SummaryRow[]).map(toSummary),

    get,

    count: () => (statements.count.get() as { n: number }).n,

    ids: () => statements.ids.all() as string[],

    create(input) {
      const id = input.id ?? newId();
      write(db, () => {
        statements.insert.run({
          ...input,
          id,
          title: storable(input.title),
          params: JSON.stringify(input.params),
          endpoint: input.endpoint ?? '',
          toolServers: JSON.stringify(input.toolServers ?? []),
          at: now(),
        });
      }, 'durable');
      return get(id) as Conversation;
    },

    // updated_at is the last activity, which orders the sidebar: renaming or pinning must not move a conversation.
    update(id, patch) {
      const columns = patchColumns(patch);
      const sets = Object.keys(columns).map((column) => `${column} = @${column}`);
      if (sets.length > 0) {
        write(db, () => {
          const sql = `UPDATE conversations SET ${sets.join(', ')} WHERE id = @id AND deleted_at IS NULL`;
          db.prepare(sql).run({ ...columns, id });
        }, 'durable');
      }
      const updated = get(id);
      if (!updated) throw missingConversation();
      return updated;
    },

    remove(id) {
      write(db, () => statements.remove.run(now(), id), 'durable');
    },

    restore(id) {
      write(db, () => statements.restore.run(id), 'durable');
    },

    purgeDeleted: (olderThanMs) => write(db, () => statements.purge.run(now() - olderThanMs).changes),

    touch,
  };
}
