import type { Root } from 'mdast';
import type { ReactNode } from 'react';
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useMarkdownContext } from './markdownContext';
import { FORMULAS_PER_IDLE, MATH_PER_BLOCK } from './mathLimit';
import { renderListApart } from './MarkdownList';
import { renderTree } from './renderTree';
import type { ParagraphShare } from './sharedFormulaLimits';
import { whenIdle } from './whenIdle';

/** What "Show all formulas" counts: the block's formulas (a cut paragraph's, in its parts shown) and how many are typeset. */
export interface MoreFormulas {
  formulas: number;
  typeset: number;
  /** All the formulas were asked for: they are typeset a slice at a time, now and as the block grows. */
  showingAll: boolean;
  showAll: () => void;
}

export interface RenderedBlock {
  content: ReactNode;
  /** Set while the block offers the rest of its formulas (of a cut paragraph, its last part shown). */
  moreFormulas?: MoreFormulas;
}

/**
 * A block as React elements, with its first MATH_PER_BLOCK formulas typeset or, once a person asks,
 * all of them: the limit rises by FORMULAS_PER_IDLE per idle callback, so thousands of formulas never
 * hold the window in one go. The parts of a cut paragraph (`paragraph`) share its limit and its
 * choice, through the answer's SharedFormulaLimits. The block keeps the choice for as long as the
 * answer is shown.
 */
export function useRenderedBlock(tree: Root, paragraph: ParagraphShare | undefined): RenderedBlock {
  const { formulaLimits } = useMarkdownContext();
  const start = paragraph?.start;
  const part = paragraph?.part ?? 0;
  const formulasBefore = paragraph?.formulasBefore ?? 0;
  const subscribe = useCallback((listener: () => void) => (start === undefined ? () => undefined : formulaLimits.subscribe(start, listener)), [formulaLimits, start]);
  const sharedShowingAll = useSyncExternalStore(subscribe, () => start !== undefined && formulaLimits.showingAll(start));
  const paragraphFormulas = useSyncExternalStore(subscribe, () => (start === undefined ? 0 : formulaLimits.formulas(start)));
  const paragraphTypeset = useSyncExternalStore(subscribe, () => (start === undefined ? 0 : formulaLimits.typeset(start)));
  const lastPart = useSyncExternalStore(subscribe, () => (start === undefined ? -1 : formulaLimits.lastPart(start)));
  const [ownShowingAll, setOwnShowingAll] = useState(false);
  const showingAll = start === undefined ? ownShowingAll : sharedShowingAll;

  // At first a block typesets its first MATH_PER_BLOCK formulas; a part, what its paragraph's earlier parts left of them.
  const [raised, setRaised] = useState(0);
  const limit = Math.max(0, MATH_PER_BLOCK - formulasBefore) + raised;
  const { content, formulas } = useMemo(() => renderListApart(tree, limit) ?? renderTree(tree, limit), [tree, limit]);
  const typeset = Math.min(limit, formulas);
  useEffect(() => {
    if (!showingAll || limit >= formulas) return;
    return whenIdle(() => startTransition(() => setRaised(raised + FORMULAS_PER_IDLE)));
  }, [showingAll, limit, formulas, raised]);

  // Before paint, so the part that offers the rest shows its counts in the same frame.
  useLayoutEffect(() => {
    if (start !== undefined) formulaLimits.report(start, part, { formulas, typeset });
  }, [formulaLimits, start, part, formulas, typeset]);
  useLayoutEffect(() => (start === undefined ? undefined : () => formulaLimits.report(start, part, undefined)), [formulaLimits, start, part]);

  if (start === undefined) {
    return { content, moreFormulas: formulas > typeset ? { formulas, typeset, showingAll, showAll: () => setOwnShowingAll(true) } : undefined };
  }
  const offers = part === lastPart && paragraphFormulas > paragraphTypeset;
  return {
    content,
    moreFormulas: offers ? { formulas: paragraphFormulas, typeset: paragraphTypeset, showingAll, showAll: () => formulaLimits.showAll(start) } : undefined,
  };
}
