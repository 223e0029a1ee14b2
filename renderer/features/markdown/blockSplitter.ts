import type { Root } from 'mdast';
import { parseMarkdown } from './parseMarkdown';

/** One top-level block of an answer: its text from its start up to the next block's start. */
export interface Block {
  start: number;
  source: string;
  /** The mdast node type of the block (paragraph, code, table…). */
  type: string;
  /** The parse of `source`, when the splitter already made exactly that parse. */
  tree?: Root;
}

export interface BlockSplitter {
  /** The blocks of `text`. Cheap when `text` extends the previous text: only the last block or two are parsed again. */
  split(text: string): readonly Block[];
}

// Blocks that nothing after them can join: a heading, a rule, closed display math.
const SEALED_TYPES = new Set(['math', 'heading', 'thematicBreak']);
// Lists, footnotes and indented code go on after a blank line ("1. one" after "2. two\n\n" joins the list).
const CONTINUES_AFTER_BLANK_LINE = new Set(['list', 'footnoteDefinition', 'code']);
const ENDS_WITH_BLANK_LINE = /\n[ \t]*\n\s*$/;
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
  return SEALED_TYPES.has(block.type) || (!CONTINUES_AFTER_BLANK_LINE.has(block.type) && ENDS_WITH_BLANK_LINE.test(block.source));
}

/**
 * Splits an answer into top-level blocks incrementally: each update re-parses from the start of the
 * last block (or of the one before, when their boundary is not final yet) instead of from the start
 * of the answer.
 */
export function createBlockSplitter(): BlockSplitter {
  let text = '';
  let blocks: readonly Block[] = [];
  return {
    split(next) {
      if (next === text) return blocks;
      let restart = next.startsWith(text) ? blocks.length - 1 : 0;
      while (restart > 0 && !isSealed(blocks[restart - 1] as Block)) restart--;
      const start = blocks[restart]?.start ?? 0;
      text = next;
      blocks = [...blocks.slice(0, Math.max(restart, 0)), ...parseTail(next, start)];
      return blocks;
    },
  };
}

/** The blocks of `text` from `start` on; `start` is the start of a top-level block (or 0). */
function parseTail(text: string, start: number): Block[] {
  const tail = text.slice(start);
  const tree = parseMarkdown(tail);
  const starts = tree.children.map((node, index) => (index === 0 ? 0 : (node.position?.start.offset ?? 0)));
  return tree.children.map((node, index) => {
    const offset = starts[index] ?? 0;
    const block = { start: start + offset, source: tail.slice(offset, starts[index + 1] ?? tail.length), type: node.type };
    // A lone block's source is the whole tail: the parse just made is its own, so keep it.
    return tree.children.length === 1 ? { ...block, tree } : block;
  });
}
