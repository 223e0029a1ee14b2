import type { Root } from 'mdast';
import { memo, useMemo } from 'react';
import { OpenBlockContext } from './markdownContext';
import { normalizeMathDelimiters } from './mathDelimiters';
import { parseMarkdown } from './parseMarkdown';
import { ShowAllFormulas } from './ShowAllFormulas';
import { repairOpenBlock } from './streamingRepair';
import { useRenderedBlock } from './useRenderedBlock';

interface MarkdownBlockProps {
  source: string;
  /** The block's part of the answer's parse: used as it is unless the text shown differs from `source`. */
  tree: Root;
  /** Still streaming: shown repaired (see repairOpenBlock), diagrams wait. */
  open: boolean;
}

/** One top-level block. Memoized on its text, so a new chunk re-renders only the block that grew. */
export const MarkdownBlock = memo(
  function MarkdownBlock({ source, tree, open }: MarkdownBlockProps) {
    const shownTree = useMemo(() => {
      const shown = open ? repairOpenBlock(source) : source;
      return shown === source ? tree : parseMarkdown(normalizeMathDelimiters(shown));
    }, [source, tree, open]);
    const block = useRenderedBlock(shownTree);
    return (
      <OpenBlockContext value={open}>
        {block.content}
        {block.formulas > block.limit && <ShowAllFormulas {...block} />}
      </OpenBlockContext>
    );
  },
  (before, after) => before.source === after.source && before.open === after.open,
);
