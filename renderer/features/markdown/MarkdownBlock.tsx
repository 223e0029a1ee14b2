import type { Root } from 'mdast';
import { memo, useMemo } from 'react';
import { OpenBlockContext } from './markdownContext';
import { normalizeMathDelimiters } from './mathDelimiters';
import { parseMarkdown } from './parseMarkdown';
import { ShowAllFormulas } from './ShowAllFormulas';
import type { ParagraphShare } from './sharedFormulaLimits';
import { repairOpenBlock } from './streamingRepair';
import { useRenderedBlock } from './useRenderedBlock';

interface MarkdownBlockProps {
  source: string;
  /** The block's part of the answer's parse: used as it is unless the text shown differs from `source`. */
  tree: Root;
  /** Still streaming: shown repaired (see repairOpenBlock), diagrams wait. */
  open: boolean;
  /** A part of a cut paragraph: it shares the paragraph's formula limit. */
  paragraph?: ParagraphShare;
}

/** One top-level block. Memoized on its text, so a new chunk re-renders only the block that grew. */
export const MarkdownBlock = memo(
  function MarkdownBlock({ source, tree, open, paragraph }: MarkdownBlockProps) {
    const shownTree = useMemo(() => {
      const shown = open ? repairOpenBlock(source) : source;
      return shown === source ? tree : parseMarkdown(normalizeMathDelimiters(shown));
    }, [source, tree, open]);
    const block = useRenderedBlock(shownTree, paragraph);
    return (
      <OpenBlockContext value={open}>
        {block.content}
        {block.moreFormulas && <ShowAllFormulas {...block.moreFormulas} />}
      </OpenBlockContext>
    );
  },
  (before, after) =>
    before.source === after.source &&
    before.open === after.open &&
    before.paragraph?.start === after.paragraph?.start &&
    before.paragraph?.part === after.paragraph?.part &&
    before.paragraph?.formulasBefore === after.paragraph?.formulasBefore &&
    isLooseList(before.tree) === isLooseList(after.tree) &&
    sameDefinitions(before.tree, after.tree),
);

/**
 * Whether two trees of a block hold the same definitions after its own node (blockSplitter): a
 * label defined, or defined otherwise, after the block was parsed makes its references links.
 */
const sameDefinitions = (before: Root, after: Root): boolean =>
  before === after || (before.children.length === after.children.length && before.children.every((node, index) => index === 0 || node === after.children[index]));

/** A long list's earlier parts keep their text as it streams, but a blank line further on makes the whole list loose. */
const isLooseList = (tree: Root): boolean => {
  const [node] = tree.children;
  return node?.type === 'list' && Boolean(node.spread);
};
