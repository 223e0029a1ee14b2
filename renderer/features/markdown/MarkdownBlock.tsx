import type { Root } from 'mdast';
import { memo, useMemo } from 'react';
import { OpenBlockContext } from './markdownContext';
import { normalizeMathDelimiters } from './mathDelimiters';
import { parseMarkdown } from './parseMarkdown';
import { renderTree } from './renderTree';
import { repairOpenBlock } from './streamingRepair';

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
    const content = useMemo(() => {
      const shown = open ? repairOpenBlock(source) : source;
      return renderTree(shown === source ? tree : parseMarkdown(normalizeMathDelimiters(shown)));
    }, [source, tree, open]);
    return <OpenBlockContext value={open}>{content}</OpenBlockContext>;
  },
  (before, after) => before.source === after.source && before.open === after.open,
);
