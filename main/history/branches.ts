/**
 * Every message of a conversation, shown or not, as the tree holds them (migration 012), read in
 * one query: what an export needs to carry every branch, where the page only needs the path.
 */
import type { Db } from './database';
import { MESSAGE_COLUMNS, toMessage } from './rows';
import type { MessageRow } from './rows';
import type { StoredMessage } from './types';

/** A message with its tree columns. */
export interface BranchNode {
  message: StoredMessage;
  /** When it was last shown (tree.ts): the highest of its siblings is the one shown under their parent. */
  chosenAt: number;
  seq: number;
}

/** Each message's children in the order they were stored, by parent id; `null` holds the first messages. */
export type ChildrenByParent = ReadonlyMap<string | null, readonly BranchNode[]>;

export interface Branches {
  read(conversationId: string): ChildrenByParent;
}

/** The child shown under their parent: the most recently chosen, the newest on a tie (as tree.ts picks it). */
export const chosenOf = (siblings: readonly BranchNode[]): BranchNode | undefined =>
  siblings.reduce<BranchNode | undefined>((best, node) => (!best || node.chosenAt > best.chosenAt || (node.chosenAt === best.chosenAt && node.seq > best.seq) ? node : best), undefined);

export function createBranches(db: Db): Branches {
  const all = db.prepare(`
    SELECT ${MESSAGE_COLUMNS.join(', ')}, parent_id, chosen_at, seq FROM messages WHERE conversation_id = ? ORDER BY seq`);

  return {
    read(conversationId) {
      const children = new Map<string | null, BranchNode[]>();
      for (const row of all.all(conversationId) as (MessageRow & { parent_id: string | null; chosen_at: number; seq: number })[]) {
        const siblings = children.get(row.parent_id) ?? [];
        siblings.push({ message: toMessage(row), chosenAt: row.chosen_at, seq: row.seq });
        children.set(row.parent_id, siblings);
      }
      return children;
    },
  };
}
