/** Walks an exported conversation tree: the shown messages, their versions and the branches below those. */
import type { ExportMessage, ExportNode, ExportVersion } from './types';

/** Every message of the tree, shown or not: each message, then its versions, each followed by its continuation. */
export function everyNode(messages: readonly ExportMessage[]): ExportNode[] {
  return messages.flatMap((m) => [m, ...(m.versions ?? []).flatMap((v) => [v, ...everyNode(v.continuation ?? [])])]);
}

/** The same tree with `change` applied to every message; `change` returns the node it was given with its changes (it keeps the other fields). */
export function mapNodes(messages: readonly ExportMessage[], change: <N extends ExportNode>(node: N) => N): ExportMessage[] {
  return messages.map((m) => {
    const message: ExportMessage = { ...change(m) };
    if (m.versions) {
      message.versions = m.versions.map((v) => {
        const version: ExportVersion = { ...change(v) };
        if (v.continuation) version.continuation = mapNodes(v.continuation, change);
        return version;
      });
    }
    return message;
  });
}
