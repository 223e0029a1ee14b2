import type { Root } from 'mdast';
import { memo, useMemo } from 'react';
import { OpenBlockContext } from './markdownContext';
import { normalizeMathDelimiters } from './mathDelimiters';
import { parseMarkdown } from './parseMarkdown';
import { renderTree } from './renderTree';
import { repairOpenBlock } from './streamingRepair';

interface MarkdownBlockProps {
  source: string;
  /** The splitter's parse of exactly `source`, when it has one: saves parsing the same text twice. */
  tree: Root | undefined;
  /** Still streaming: shown repaired (see repairOpenBlock), diagrams wait. */
  open: boolean;
}

/** One top-level block. Memoized on its text, so a new chunk re-renders only the block that grew. */
export const MarkdownBlock = memo(
  function MarkdownBlock({ source, tree, open }: MarkdownBlockProps) {
    const content = useMemo(() => {
      const shown = normalizeMathDelimiters(open ? repairOpenBlock(source) : source);
      return renderTree(shown === source && tree ? tree : parseMarkdown(shown));
    }, [source, tree, open]);
    return <OpenBlockContext value={open}>{content}</OpenBlockContext>;
  },
  (before, after) => before.source === after.source && before.open === after.open,
);
