import type { List, ListItem } from 'mdast';
import { endsWithBlankLine, lineStartOf } from './blockCuts';
import type { Block } from './blockSplitter';
import { isListPart, listContinuation, listOf, listParts, LONG_LIST_CHARS, type ListContinuation } from './listParts';
import { shiftPositions } from './piecePositions';

/**
 * Where a streaming list is parsed again from (issue 16): the line of its last item, not the list's
 * start. A list is never final while it streams, so each chunk parsed and rendered it whole again: a
 * list of 5,000 characters cost 22–27 ms a chunk, twenty times what a list of 20,000 in parts did.
 * Once an item has a sibling after it, it is closed: text further on can only make it loose (a blank
 * line between items, which `continuing` carries) or define a label it refers to (the splitter then
 * parses the list whole). The items before the last keep their nodes, so they render from memo.
 */
export interface ItemRestart {
  /** The list, or a long list's part, whose last item is parsed again. */
  block: Block;
  /** Where the last item's line starts in the answer. */
  at: number;
  /** How the list parsed from that line goes on from the items before it. */
  continuing: ListContinuation;
  /** Where the block starts in its tree's positions, which listParts counts from. */
  from: number;
  /** The line's start in the positions of the block's tree: where the new parse's positions move to. */
  shift: { offset: number; lines: number };
}

/** Where `block` is parsed again from its last item, if it is a list of two items or more. */
export function lastItemRestart(block: Block): ItemRestart | undefined {
  const list = listOf(block);
  const first = list?.children[0]?.position?.start;
  const last = list?.children.at(-1)?.position?.start;
  if (!list || list.children.length < 2 || first?.offset === undefined || last?.offset === undefined) return undefined;
  // A list's (and a part's) first item is its source's first text; an item's position starts at its marker.
  const from = first.offset - block.source.search(/\S/);
  const marker = last.offset - from;
  const line = lineStartOf(block.source, marker);
  // Past the first line (two items), and on a line of its own: else the list is parsed again whole.
  if (line === 0 || block.source.lastIndexOf('\n', marker - 1) + 1 !== line) return undefined;
  const loose = Boolean(list.spread) || list.children.some((item) => item.spread) || endsWithBlankLine(block.source.slice(0, line));
  return {
    block,
    at: block.start + line,
    continuing: { start: (list.start ?? 1) + list.children.length - 1, loose },
    from,
    shift: { offset: from + line, lines: last.line - 1 },
  };
}

/**
 * The list `restart` was made for, its last item on replaced by `tail` (parsed from that item's line,
 * `restart.continuing`), as one parse of the list gives it: whole, or in parts when it is long or one
 * of a long list's (after `previous`, the part before it); then the blocks of `tail` after the list.
 * Undefined when `tail` does not start with the list.
 */
export function listFromLastItem(restart: ItemRestart, tail: readonly Block[], previous: Block | undefined): Block[] | undefined {
  const { block, at, continuing, from, shift } = restart;
  const list = listOf(block);
  let parts = 0;
  while (isListPart(tail[parts])) parts++;
  if (!list || parts === 0) return undefined;
  const items: ListItem[] = list.children.slice(0, -1);
  let spread = continuing.loose;
  for (const part of tail.slice(0, parts)) {
    const partList = listOf(part);
    spread ||= Boolean(partList?.spread);
    for (const item of partList?.children ?? []) {
      shiftPositions(item, shift.offset, shift.lines);
      items.push(item);
    }
  }
  const source = block.source.slice(0, at - block.start) + tail.slice(0, parts).map((part) => part.source).join('');
  const node: List = { type: 'list', ordered: list.ordered, start: list.start, spread, children: items, ...(list.data ? { data: list.data } : {}) };
  const joined: Block = { ...block, source, tree: { type: 'root', children: [node, ...(tail[0]?.tree.children.slice(1) ?? [])] } };
  const partOf = block.continued && previous ? listContinuation(previous) : undefined;
  const shown = partOf || source.length >= LONG_LIST_CHARS ? listParts(joined, from, partOf) : [joined];
  return [...shown, ...tail.slice(parts)];
}
