/**
 * A stored conversation as the export core takes it: the path it shows, and at each branch point
 * the other versions with the branches below them, so an export carries the whole tree. Fields
 * are listed one by one, so what only the store keeps (archive flag, row times of messages,
 * conversation ids on messages) never reaches a file, and a conversation read back after an
 * import compares equal.
 */
import type { Attachment, ToolCallRecord } from '../../shared/ipc';
import type { ExportConversation, ExportMessage, ExportNode, ExportVersion } from '../export/types';
import { chosenOf, type BranchNode, type ChildrenByParent } from './branches';
import type { Conversation, StoredMessage } from './types';

/** What is stored about each message besides its row, by message id. */
export interface MessageExtras {
  attachments: ReadonlyMap<string, Attachment[]>;
  toolCalls: ReadonlyMap<string, ToolCallRecord[]>;
}

function toExportNode(m: StoredMessage, extras: MessageExtras): ExportNode {
  const message: ExportNode = {
    id: m.id,
    role: m.role,
    content: m.content,
    reasoning: m.reasoning,
    status: m.status,
    error: m.error,
    usage: m.usage,
    model: m.model,
    finishReason: m.finishReason,
    firstTokenMs: m.firstTokenMs,
    durationMs: m.durationMs,
    thinkingMs: m.thinkingMs,
    createdAt: m.createdAt,
  };
  // Most messages have none; leaving `{}` out keeps every message's comment in the file short.
  if (Object.keys(m.params).length > 0) message.params = m.params;
  const calls = extras.toolCalls.get(m.id);
  if (calls) message.toolCalls = calls;
  const files = extras.attachments.get(m.id);
  if (files) message.attachments = files.map(({ file, name, kind, mimeType, bytes }) => ({ file, name, kind, mimeType, bytes }));
  return message;
}

/** Ranks by when each was last shown, 0 for the longest ago, in the order tree.ts compares them. */
function recencies(versions: readonly BranchNode[]): number[] {
  const byRecency = [...versions].sort((a, b) => a.chosenAt - b.chosenAt || a.seq - b.seq);
  return versions.map((node) => byRecency.indexOf(node));
}

/** The branch that starts among `siblings`: the chosen one and its chosen children down to a leaf, each with its other versions. */
function branchFrom(siblings: readonly BranchNode[] | undefined, tree: ChildrenByParent, extras: MessageExtras): ExportMessage[] {
  const messages: ExportMessage[] = [];
  for (let here = siblings, shown = chosenOf(here ?? []); here && shown; here = tree.get(shown.message.id), shown = chosenOf(here ?? [])) {
    const message: ExportMessage = toExportNode(shown.message, extras);
    const others = here.filter((node) => node !== shown);
    const ranks = recencies(others);
    if (others.length > 0) {
      message.versions = others.map((node, index): ExportVersion => {
        const version: ExportVersion = toExportNode(node.message, extras);
        if (ranks[index] !== index) version.recency = ranks[index];
        const continuation = branchFrom(tree.get(node.message.id), tree, extras);
        if (continuation.length > 0) version.continuation = continuation;
        return version;
      });
    }
    messages.push(message);
  }
  return messages;
}

export function toExportConversation(c: Conversation, tree: ChildrenByParent, extras: MessageExtras): ExportConversation {
  return {
    id: c.id,
    title: c.title,
    model: c.model,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pinned: c.pinned,
    systemPrompt: c.systemPrompt,
    endpoint: c.endpoint,
    params: c.params,
    messages: branchFrom(tree.get(null), tree, extras),
  };
}
