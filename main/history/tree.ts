/**
 * The conversation tree (migration 012): every message has a parent, the visible path holds
 * positions 0..n-1 and every other node a unique negative position. Showing a node renumbers
 * positions only, so attachments, tool calls and search rows never move. Call these inside a
 * write transaction.
 */
import type { Db } from './database';

export interface Tree {
  /** The next hidden position of the conversation: below every position it holds. */
  hiddenPosition(conversationId: string): number;
  /** The next `chosen_at`: a node shown now outranks every sibling shown before. */
  nextChoice(conversationId: string): number;
  /** The last message of the visible path; null for an empty conversation. */
  lastVisible(conversationId: string): string | null;
  /**
   * Makes node `id` visible with its ancestors and, after it, each node's chosen child down to a
   * leaf; `null` shows the chosen first message (nothing when there is none). False when `id` is not in the conversation.
   */
  show(conversationId: string, id: string | null): boolean;
  /** Deletes node `id` and its descendants; when it was visible, its parent's chosen remaining child takes its place. False when it was not there. */
  removeBranch(conversationId: string, id: string): boolean;
  /** Ids of the versions at `id`'s branch point, itself included, oldest first. */
  siblingsOf(conversationId: string): Map<string, string[]>;
}

interface NodeRow {
  id: string;
  parent_id: string | null;
  position: number;
}

export function createTree(db: Db): Tree {
  const statements = {
    hiddenPosition: db.prepare('SELECT min(coalesce(min(position), 0), 0) - 1 FROM messages WHERE conversation_id = ?').pluck(),
    nextChoice: db.prepare('SELECT coalesce(max(chosen_at), 0) + 1 FROM messages WHERE conversation_id = ?').pluck(),
    lastVisible: db.prepare('SELECT id FROM messages WHERE conversation_id = ? AND position >= 0 ORDER BY position DESC LIMIT 1').pluck(),
    node: db.prepare('SELECT id, parent_id, position FROM messages WHERE id = ? AND conversation_id = ?'),
    ancestors: db.prepare(`
      WITH RECURSIVE up (id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM messages WHERE id = @id AND conversation_id = @conversationId
        UNION ALL SELECT m.id, m.parent_id, up.depth + 1 FROM messages AS m JOIN up ON m.id = up.parent_id
      )
      SELECT id FROM up ORDER BY depth DESC`).pluck(),
    chosenChild: db.prepare(`
      SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY chosen_at DESC, seq DESC LIMIT 1`).pluck(),
    visible: db.prepare('SELECT id FROM messages WHERE conversation_id = ? AND position >= 0 ORDER BY position').pluck(),
    place: db.prepare('UPDATE messages SET position = @position WHERE id = @id'),
    choose: db.prepare('UPDATE messages SET chosen_at = @choice WHERE id = @id'),
    removeBranch: db.prepare(`
      WITH RECURSIVE branch (id) AS (
        SELECT id FROM messages WHERE id = @id AND conversation_id = @conversationId
        UNION ALL SELECT m.id FROM messages AS m JOIN branch ON m.parent_id = branch.id
      )
      DELETE FROM messages WHERE id IN branch`),
    siblings: db.prepare(`
      SELECT id, parent_id FROM messages WHERE conversation_id = ? ORDER BY created_at, seq`),
  };

  const hiddenPosition = (conversationId: string): number => statements.hiddenPosition.get(conversationId) as number;

  function show(conversationId: string, id: string | null): boolean {
    const path = id === null ? [] : (statements.ancestors.all({ id, conversationId }) as string[]);
    if (id !== null && path.length === 0) return false;
    for (let child = statements.chosenChild.get(conversationId, path.at(-1) ?? null) as string | undefined; child; ) {
      path.push(child);
      child = statements.chosenChild.get(conversationId, child) as string | undefined;
    }
    const visible = statements.visible.all(conversationId) as string[];
    let same = 0;
    while (same < path.length && visible[same] === path[same]) same++;
    if (same === path.length && same === visible.length) return true;
    // Hide the old suffix first: positions are unique at every step of the renumbering.
    for (const hidden of visible.slice(same)) statements.place.run({ id: hidden, position: hiddenPosition(conversationId) });
    let choice = statements.nextChoice.get(conversationId) as number;
    path.slice(same).forEach((shown, index) => {
      statements.place.run({ id: shown, position: same + index });
      statements.choose.run({ id: shown, choice: choice++ });
    });
    return true;
  }

  return {
    hiddenPosition,
    nextChoice: (conversationId) => statements.nextChoice.get(conversationId) as number,
    lastVisible: (conversationId) => (statements.lastVisible.get(conversationId) as string | undefined) ?? null,
    show,

    removeBranch(conversationId, id) {
      const node = statements.node.get(id, conversationId) as NodeRow | undefined;
      if (!node) return false;
      statements.removeBranch.run({ id, conversationId });
      if (node.position >= 0) show(conversationId, node.parent_id);
      return true;
    },

    siblingsOf(conversationId) {
      const byParent = new Map<string | null, string[]>();
      for (const { id, parent_id: parent } of statements.siblings.all(conversationId) as Omit<NodeRow, 'position'>[]) {
        const siblings = byParent.get(parent) ?? [];
        siblings.push(id);
        byParent.set(parent, siblings);
      }
      const byId = new Map<string, string[]>();
      for (const siblings of byParent.values()) if (siblings.length > 1) for (const id of siblings) byId.set(id, siblings);
      return byId;
    },
  };
}
