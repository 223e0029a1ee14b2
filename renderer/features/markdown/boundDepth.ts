import type { Nodes, Parent, Root, RootContent } from 'mdast';

/**
 * How deeply Markdown may nest (quotes in quotes, lists in lists, emphasis in emphasis, and any
 * mix). Far beyond what any answer needs, far below what overflows the renderer's stack: 5,000
 * nested `>` once blanked the window, and the stored answer blanked it again on every reopen.
 */
export const MAX_NESTING = 16;

// Parts of one construct: a list item is its list's level, a row and a cell their table's.
const SAME_LEVEL = new Set(['listItem', 'tableRow', 'tableCell']);
// Blocks that hold blocks: what replaces a too-deep child there must be a block too.
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

function hasChildren(node: Nodes): node is Parent & Nodes {
  return 'children' in node && Array.isArray(node.children);
}

/** The node's own Markdown source, shown as it was written. */
function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/**
 * Cuts the tree at `MAX_NESTING` levels: a node deeper than that becomes its source text (in a
 * paragraph where a block is expected). Iterative, so no input depth can overflow it. Changes
 * `tree` in place and returns it.
 */
export function boundDepth(tree: Root, source: string): Root {
  const pending: { parent: Parent & Nodes; depth: number }[] = [{ parent: tree, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { parent, depth } = next;
    parent.children = parent.children.map((child: RootContent) => {
      const level = SAME_LEVEL.has(child.type) ? depth : depth + 1;
      if (level > MAX_NESTING) {
        const text = { type: 'text' as const, value: sourceOf(child, source) };
        return (FLOW_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text) as RootContent;
      }
      if (hasChildren(child)) pending.push({ parent: child, depth: level });
      return child;
    }) as typeof parent.children;
  }
  return tree;
}
