import type { Definition, FootnoteDefinition, Root, RootContent } from 'mdast';
import { beginsWith } from '../../lib/beginsWith';
import { endsWithBlankLine, lineStartOf } from './blockCuts';
import { definitionKey, definitionsWithin, foundDefinitions, isDefinition, mayDefine, referencedKeys, type DefinitionKey } from './definitionLabels';
import { normalizeMathDelimiters } from './mathDelimiters';
import { isListPart, listContinuation, listParts, loosenedHead, type ListContinuation } from './listParts';
import { lastItemRestart, listFromLastItem, type ItemRestart } from './listRestart';
import { paragraphParts } from './paragraphParts';
import { parseMarkdown } from './parseMarkdown';
import type { ParagraphShare } from './sharedFormulaLimits';

/** One top-level block of an answer: its text from its start up to the next block's start. */
export interface Block {
  start: number;
  source: string;
  /** The mdast node type of the block (paragraph, code, table…). */
  type: string;
  /** The block's part of the parse it came from: rendering it needs no second parse. */
  tree: Root;
  /** A later part of a long paragraph or list (paragraphParts, listParts): its source alone is not Markdown for it. */
  continued?: true;
  /** A part of a paragraph cut in parts: where it is in the paragraph, whose formula limit it shares. */
  paragraph?: ParagraphShare;
}

export interface BlockSplitter {
  /** The blocks of `text`. Cheap when `text` extends the previous text: only the last block or two are parsed again. */
  split(text: string): readonly Block[];
  /** Whether `text` is, or extends, a text already split: then splitting it again is cheap. */
  continues(text: string): boolean;
}

// Blocks that nothing after them can join: a heading, a rule, closed display math.
const SEALED_TYPES = new Set(['math', 'heading', 'thematicBreak']);
// Lists, footnotes and indented code go on after a blank line ("1. one" after "2. two\n\n" joins the list).
const CONTINUES_AFTER_BLANK_LINE = new Set(['list', 'footnoteDefinition', 'code']);
const FENCE_START = /^ {0,3}(?:`{3}|~{3})/;

/**
 * Whether the boundary after `block` is final. Usually appending text changes only the last block,
 * but a block that interrupted a paragraph (a table, a fence) can dissolve back into it: `| - ` makes
 * a table under a one-cell line, `| - | -` does not. Text can join a block only by continuing it
 * lazily, which a blank line rules out (except for blocks that continue after one) and a sealed
 * block always does. A fence that is not the last block was closed; indented code was not fenced.
 */
function isSealed(block: Block): boolean {
  if (block.type === 'code') return FENCE_START.test(block.source);
  return SEALED_TYPES.has(block.type) || (!CONTINUES_AFTER_BLANK_LINE.has(block.type) && endsWithBlankLine(block.source));
}

/**
 * Where a splitter begins: the answer before `from` is the caller's (finished blocks nothing after
 * them can join, rendered apart), with `definitions` among them; `text` and `blocks`, what is
 * already split from `from` on (when the caller parsed the answer whole once).
 */
export interface SplitterStart {
  from: number;
  text: string;
  blocks: readonly Block[];
  definitions: readonly (Definition | FootnoteDefinition)[];
}

const FROM_THE_START: SplitterStart = { from: 0, text: '', blocks: [], definitions: [] };

/**
 * Splits an answer into top-level blocks incrementally: each update re-parses from the start of the
 * last block (or of the one before, when their boundary is not final yet; in a list, from its last
 * item) instead of from the start of the answer, and again from a block that refers to a label
 * defined after it.
 */
export function createBlockSplitter(start: SplitterStart = FROM_THE_START): BlockSplitter {
  let text = start.text;
  let blocks = start.blocks;
  // The definitions of the blocks, in order: the end parsed again refers to them (kept apart so a
  // chunk need not look through every block). Those before `from` keep index -1: never parsed again.
  const definitions: { index: number; node: Definition | FootnoteDefinition }[] = [
    ...start.definitions.map((node) => ({ index: -1, node })),
    ...blocks.flatMap((block, index) => definitionsOf(block).map((node) => ({ index, node }))),
  ];
  const dropDefinitionsFrom = (index: number) => {
    while ((definitions.at(-1)?.index ?? -1) >= index) definitions.pop();
  };
  const parseTail = (from: number, continuing?: ListContinuation) => parseBlocks(text.slice(from), from, definitions.map(({ node }) => node), continuing);
  /** The blocks before `restart`, then `tail` (the blocks from there parsed again), with the definitions in `tail` noted. */
  const withTail = (restart: number, tail: readonly Block[]): readonly Block[] => {
    tail.forEach((block, index) => {
      for (const node of definitionsOf(block)) definitions.push({ index: restart + index, node });
    });
    const head = blocks.slice(0, restart);
    return [...(isListPart(tail[0]) ? loosenedHead(head, tail) : head), ...tail];
  };
  /** The blocks parsed again from `restart` on (a long list's part goes on from the part before). */
  const parseFrom = (restart: number): readonly Block[] => {
    dropDefinitionsFrom(restart);
    const previous = blocks[restart - 1];
    return withTail(restart, parseTail(blocks[restart]?.start ?? start.from, previous && isListPart(blocks[restart]) ? listContinuation(previous) : undefined));
  };
  /** The blocks parsed again from a list's last item on (listRestart), or undefined where the list is not what that parse starts with. */
  const parseFromLastItem = (restart: ItemRestart & { index: number }): readonly Block[] | undefined => {
    dropDefinitionsFrom(restart.index);
    const tail = listFromLastItem(restart, parseTail(restart.at, restart.continuing), blocks[restart.index - 1]);
    return tail && withTail(restart.index, tail);
  };
  // What each label is defined as (its first definition counts): a block that refers to a label defined
  // anew, or otherwise, since it was parsed (citations at the end) is parsed again.
  const definedAs = new Map<DefinitionKey, string>();
  const redefined = (from: number): DefinitionKey[] => {
    const current = new Map<DefinitionKey, string>();
    for (const { index, node } of definitions) {
      const key = definitionKey(node);
      // One not parsed again (before `from`) is what it was: only the ones parsed again are written out anew.
      if (!current.has(key)) current.set(key, (index < from ? definedAs.get(key) : undefined) ?? JSON.stringify(node, (field, value: unknown) => (field === 'position' ? undefined : value)));
    }
    // A definition can also stop being one as it streams (`[1]: url "Tit` is text until its title closes).
    const gone = [...definedAs.keys()].filter((key) => !current.has(key));
    for (const key of gone) definedAs.delete(key);
    const changed = [...current].filter(([key, value]) => definedAs.get(key) !== value);
    for (const [key, value] of changed) definedAs.set(key, value);
    return [...gone, ...changed.map(([key]) => key)];
  };
  redefined(0);
  /** The first block before `from` that refers to a label defined anew, if any. */
  const referringToRedefined = (from: number): number => {
    const changed = redefined(from);
    if (changed.length === 0) return -1;
    return blocks.findIndex((block, index) => {
      if (index >= from || !block.source.includes('[')) return false;
      const referred = referencedKeys(block.source);
      return changed.some((key) => referred.has(key));
    });
  };
  return {
    split(next) {
      if (next === text) return blocks;
      const extended = beginsWith(next, text);
      text = next;
      const restart = extended ? restartAt(blocks) : 0;
      const byItem = extended ? itemRestart(blocks, restart, next) : undefined;
      const fromItem = byItem && parseFromLastItem(byItem);
      const from = fromItem && byItem ? byItem.index : restart;
      blocks = fromItem ?? parseFrom(restart);
      // A definition that arrives after a block referring to it (citations at the end): that block on
      // is parsed again, from a whole block, as one parse of the text would draw it.
      let referring = referringToRedefined(from);
      while (referring > 0 && blocks[referring]?.continued) referring--;
      if (referring !== -1) blocks = parseFrom(referring);
      return blocks;
    },
    continues: (next) => text !== '' && beginsWith(next, text),
  };
}

/**
 * Where appended text is parsed again: from the first block it can change (settledBlocks), but from
 * a long list's last part (listParts) rather than the list's start: the items before that part are
 * closed (100,000 characters of list took a few hundred ms a chunk). Only looseness reaches back,
 * which the splitter carries to the parts before. Looks only at the blocks after the settled ones.
 */
function restartAt(blocks: readonly Block[]): number {
  const settled = settledBlocks(blocks);
  for (let index = blocks.length - 1; index > settled; index--) if (isListPart(blocks[index])) return index;
  return settled;
}

/**
 * Where a list among the blocks parsed again (from `restart`) is parsed again from its last item
 * rather than from its start (listRestart): the last list of two items or more, when nothing from
 * that item on may define a label (a definition reaches back to the items before).
 */
function itemRestart(blocks: readonly Block[], restart: number, text: string): (ItemRestart & { index: number }) | undefined {
  for (let index = blocks.length - 1; index >= restart; index--) {
    const block = blocks[index];
    const found = block?.type === 'list' ? lastItemRestart(block) : undefined;
    if (found) return mayDefine(text.slice(found.at)) ? undefined : { ...found, index };
  }
  return undefined;
}

/** How many of `blocks`, from the first, no text appended to the answer can change: all but the last and the unsealed ones before it. */
export function settledBlocks(blocks: readonly Block[]): number {
  let settled = blocks.length - 1;
  while (settled > 0 && !isSealed(blocks[settled - 1] as Block)) settled--;
  return Math.max(settled, 0);
}

/** The definitions `blocks` make. */
export const definitionsIn = (blocks: readonly Block[]): (Definition | FootnoteDefinition)[] => blocks.flatMap(definitionsOf);

/**
 * The definitions `block` makes, at any depth. Its own nodes are the first of its tree and any that
 * is not a definition: the other blocks' definitions it carries (parseBlocks) all come after them.
 */
function definitionsOf(block: Block): (Definition | FootnoteDefinition)[] {
  return definitionsWithin(block.tree.children.filter((node, index) => index === 0 || !isDefinition(node)));
}

/**
 * Parses `source` (which begins a top-level block) once, and gives each top-level node its own tree
 * (a long paragraph or list, one per part): blocks render from these, never parsing their text again.
 * `offset` is where `source` starts in the answer. Definitions go with every block, so a reference
 * in one block finds its target, and so do `earlier`, the definitions of the answer before `source`.
 * `continuing`: `source` starts with a later part of a long list, which its first list goes on.
 */
export function parseBlocks(source: string, offset: number, earlier: readonly (Definition | FootnoteDefinition)[] = [], continuing?: ListContinuation): Block[] {
  // The rewrite keeps every offset, so the blocks' sources and starts stay the answer's own.
  const tree = parseMarkdown(normalizeMathDelimiters(source), foundDefinitions([{ type: 'root', children: [...earlier] }]));
  // Every definition, also one in a quote or a list item: it defines its label for the whole answer.
  const definitions: RootContent[] = [...earlier, ...definitionsWithin(tree.children)];
  const nodeStart = (node: RootContent | undefined) => node?.position?.start.offset ?? 0;
  const starts = tree.children.map((node, index) => (index === 0 ? 0 : lineStartOf(source, nodeStart(node))));
  let joined: RootContent[] = [];
  return tree.children.flatMap((node, index) => {
    // A definition in a setext heading's text starts where the heading does: the two are one block,
    // the definition first (as the splitter finds definitions), else one of them would have no text.
    if (index + 1 < tree.children.length && nodeStart(tree.children[index + 1]) === nodeStart(node)) {
      joined.push(node);
      return [];
    }
    const own = [...joined, node];
    const from = starts[index + 1 - own.length] ?? 0;
    joined = [];
    const children = definitions.length === 0 || (own.length === 1 && definitions.includes(node)) ? own : [...own, ...definitions.filter((definition) => !own.includes(definition))];
    const block: Block = { start: offset + from, source: source.slice(from, starts[index + 1] ?? source.length), type: node.type, tree: { type: 'root', children } };
    return node.type === 'list' ? listParts(block, from, index === 0 ? continuing : undefined) : paragraphParts(block, from);
  });
}
