import { memo, useEffect, useRef } from 'react';
import type { Block } from './blockSplitter';
import { MarkdownBlock } from './MarkdownBlock';
import { settleWhenLaidOut } from './settledRuns';

interface MarkdownBlockGroupProps {
  blocks: readonly Block[];
  /** Index of the streaming block within this group, or -1. */
  openIndex: number;
}

/** The box of a run of blocks (markdown.css): the browser paints each run apart and reuses an unchanged one. */
export const BLOCK_RUN_CLASS = 'md-run';

/**
 * A run of consecutive blocks. Blocks only change at the end of an answer and the splitter keeps the
 * objects of unchanged ones, so a group with the same length and the same last block is unchanged:
 * a chunk costs one comparison per group plus the last group's blocks, not one per block. Its box
 * does the same for the browser: a chunk repaints the last run, not the whole answer, and a
 * finished run off screen is neither laid out nor hit-tested (settledRuns.ts).
 */
export const MarkdownBlockGroup = memo(
  function MarkdownBlockGroup({ blocks, openIndex }: MarkdownBlockGroupProps) {
    const run = useRef<HTMLDivElement>(null);
    const streams = openIndex !== -1;
    useEffect(() => {
      const element = run.current;
      return element && !streams ? settleWhenLaidOut(element) : undefined;
    }, [streams]);
    return (
      <div ref={run} className={BLOCK_RUN_CLASS}>
        {blocks.map((block, index) => (
          // Blocks only ever change at the end: the index is a stable identity.
          // A paragraph's later part is shown from the paragraph's parse as it is: its source alone cannot be repaired.
          <MarkdownBlock key={index} source={block.source} tree={block.tree} open={index === openIndex && !block.continued} paragraph={block.paragraph} />
        ))}
      </div>
    );
  },
  (before, after) => before.blocks.length === after.blocks.length && before.blocks.at(-1) === after.blocks.at(-1) && before.openIndex === after.openIndex,
);
