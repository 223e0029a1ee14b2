import type { MarkdownProps } from './Markdown';
import { PENDING_PART_CLASS } from './Markdown';
import { useCallback, useInsertionEffect, useMemo, useRef, useState } from 'react';
import { MarkdownBlockGroup } from './MarkdownBlockGroup';
import { MarkdownContext } from './markdownContext';
import { SharedFormulaLimits } from './sharedFormulaLimits';
import { useAnswerPieces } from './useAnswerPieces';

export { warmUpParser } from './warmUp';

/** The Markdown pipeline's part of <Markdown>: parsing and rendering, in their own chunk. */
export function MarkdownAnswer({ text, streaming, onOpenLink, opensAtEnd = false, className }: MarkdownProps) {
  const runs = useAnswerPieces(text, streaming, opensAtEnd);

  // A stable callback: a new onOpenLink each render must not re-render the memoized blocks.
  const latestOnOpenLink = useRef(onOpenLink);
  useInsertionEffect(() => {
    latestOnOpenLink.current = onOpenLink;
  });
  const openLink = useCallback((url: string) => latestOnOpenLink.current(url), []);
  const [formulaLimits] = useState(() => new SharedFormulaLimits());
  const context = useMemo(() => ({ openLink, formulaLimits }), [openLink, formulaLimits]);

  return (
    <MarkdownContext value={context}>
      <div className={className ? `md ${className}` : 'md'}>
        {runs.map((run) =>
          // Runs only ever change at the end, or from a placeholder to its blocks: the key is a stable identity.
          run.blocks ? (
            <MarkdownBlockGroup key={run.key} blocks={run.blocks} openIndex={run.openIndex} />
          ) : (
            <div key={run.key} className={PENDING_PART_CLASS} style={{ height: run.height }} aria-hidden="true" />
          ),
        )}
      </div>
    </MarkdownContext>
  );
}
