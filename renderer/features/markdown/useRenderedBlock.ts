import type { Root } from 'mdast';
import type { ReactNode } from 'react';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { FORMULAS_PER_IDLE, MATH_PER_BLOCK } from './mathLimit';
import { renderTree } from './renderTree';
import { whenIdle } from './whenIdle';

export interface RenderedBlock {
  content: ReactNode;
  /** How many formulas the block has, and how many of them are typeset (the rest show as written). */
  formulas: number;
  limit: number;
  /** All of the block's formulas were asked for: they are typeset a slice at a time, now and as the block grows. */
  showingAll: boolean;
  showAll: () => void;
}

/**
 * A block as React elements, with its first MATH_PER_BLOCK formulas typeset or, once a person asks,
 * all of them: the limit rises by FORMULAS_PER_IDLE per idle callback, so thousands of formulas never
 * hold the window in one go. The block keeps the choice for as long as the answer is shown.
 */
export function useRenderedBlock(tree: Root): RenderedBlock {
  const [limit, setLimit] = useState(MATH_PER_BLOCK);
  const [showingAll, setShowingAll] = useState(false);
  const { content, formulas } = useMemo(() => renderTree(tree, limit), [tree, limit]);
  useEffect(() => {
    if (!showingAll || limit >= formulas) return;
    return whenIdle(() => startTransition(() => setLimit(limit + FORMULAS_PER_IDLE)));
  }, [showingAll, limit, formulas]);
  return { content, formulas, limit, showingAll, showAll: () => setShowingAll(true) };
}
