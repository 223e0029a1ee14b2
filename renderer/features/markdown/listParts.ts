import type { List } from 'mdast';
import { endsWithBlankLine, lineStartOf } from './blockCuts';
import type { Block } from './blockSplitter';

/** Lists at least this long are shown in parts: a shorter one renders in well under 0.1 s. */
export const LONG_LIST_CHARS = 10_000;
/** A part ends at the first item that starts this many characters after the part did. */
const PART_CHARS = 1_000;
/** A part after a list's first: it continues the list, its first item as far below as the item before it (markdown.css). */
export const LIST_PART_CLASS = 'md-list-part';
/** remark-gfm's class on a list of task items, which a part's own class would replace. */
const TASK_LIST_CLASS = 'contains-task-list';

/**
 * A long top-level list as lists of about PART_CHARS characters each, cut between its items (issue
 * 15): one list of thousands of items was one block, rendered, laid out and painted whole (100,000
 * characters of nested items: 0.8–0.9 s in Chromium; 9,000 items of "1. an item" while streaming,
 * 1.1–1.8 s), where its parts are rendered like any other blocks, the visible ones first. A
 * numbered part starts at its first item's number; every part is loose when the list is, so its
 * items are drawn as the whole list's are. As with a paragraph's parts (paragraphParts), a part's
 * source alone is not Markdown for what it shows, so it is never parsed alone. `from` is where the
 * block starts in the text its tree's positions count from.
 */
export function listParts(block: Block, from: number, continuing?: ListContinuation): Block[] {
  const [list, ...definitions] = block.tree.children;
  if (list?.type !== 'list' || (!continuing && block.source.length < LONG_LIST_CHARS)) return [block];
  const cuts: { item: number; at: number }[] = [];
  let partStart = 0;
  for (const [index, item] of list.children.entries()) {
    const offset = item.position?.start.offset;
    if (offset === undefined) return [block];
    const at = lineStartOf(block.source, offset - from);
    if (index > 0 && at - partStart >= PART_CHARS) {
      cuts.push({ item: index, at });
      partStart = at;
    }
  }
  if (cuts.length === 0 && !continuing) return [block];
  const loose = Boolean(continuing?.loose || list.spread) || list.children.some((item) => item.spread);
  const tasks = list.children.some((item) => typeof item.checked === 'boolean');
  const firstNumber = continuing?.start ?? list.start ?? 1;
  const bounds = [{ item: 0, at: 0 }, ...cuts, { item: list.children.length, at: block.source.length }];
  return bounds.slice(0, -1).map(({ item, at }, index) => {
    const next = bounds[index + 1] ?? { item: list.children.length, at: block.source.length };
    const part: List = { type: 'list', ordered: list.ordered, start: list.ordered ? firstNumber + item : list.start, spread: loose, children: list.children.slice(item, next.item) };
    const continues = index > 0 || continuing !== undefined;
    if (continues) part.data = { hProperties: { className: tasks ? [TASK_LIST_CLASS, LIST_PART_CLASS] : [LIST_PART_CLASS] } };
    return {
      start: block.start + at,
      source: block.source.slice(at, next.at),
      type: 'list',
      tree: { type: 'root', children: [part, ...definitions] },
      ...(continues ? { continued: true } : {}),
    };
  });
}

/** How the text parsed from one of a long list's later parts goes on from the parts before it. */
export interface ListContinuation {
  /** The number of its first item (the list numbers on, whatever numbers are written). */
  start: number;
  /** The list is loose already (an item of it is, or a blank line ends the part before). */
  loose: boolean;
}

/** The list node of a block that is a list or one of its parts. */
export const listOf = (block: Block | undefined): List | undefined => {
  const node = block?.tree.children[0];
  return block?.type === 'list' && node?.type === 'list' ? node : undefined;
};

/** Whether `block` is a later part of a long list: no text to come changes the items before it, but for making them loose. */
export const isListPart = (block: Block | undefined): boolean => block?.continued === true && listOf(block) !== undefined;

/** How text parsed from the part after `previous` (a part of a long list) goes on from it. */
export function listContinuation(previous: Block): ListContinuation | undefined {
  const list = listOf(previous);
  if (!list) return undefined;
  return { start: (list.start ?? 1) + list.children.length, loose: Boolean(list.spread) || endsWithBlankLine(previous.source) };
}

/**
 * `head`, the blocks before a long list's later part parsed again as `tail`, with the list's parts in
 * it made loose when `tail` made the list so (a blank line between items further on), as one parse
 * would draw them; else `head` itself.
 */
export function loosenedHead(head: readonly Block[], tail: readonly Block[]): readonly Block[] {
  const previous = listOf(head.at(-1));
  if (!previous || previous.spread || !listOf(tail[0])?.spread) return head;
  let first = head.length - 1;
  while (first > 0 && isListPart(head[first])) first--;
  return head.map((block, index) => {
    const list = listOf(block);
    if (index < first || !list) return block;
    const [, ...rest] = block.tree.children;
    return { ...block, tree: { ...block.tree, children: [{ ...list, spread: true }, ...rest] } };
  });
}
