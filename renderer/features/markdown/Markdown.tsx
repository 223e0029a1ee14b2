import '../../styles/markdown.css';
import { useCallback, useInsertionEffect, useMemo, useRef } from 'react';
import { AnswerBoundary } from './AnswerBoundary';
import { MarkdownBlockGroup } from './MarkdownBlockGroup';
import { MarkdownContext } from './markdownContext';
import { useAnswerPieces } from './useAnswerPieces';

export interface MarkdownProps {
  /** The answer so far: while streaming, each update extends the previous text. */
  text: string;
  /** The answer is still arriving: its last block may be unfinished. */
  streaming: boolean;
  /** Called with a checked http/https/mailto URL when a link is clicked; the window never navigates. */
  onOpenLink: (url: string) => void;
  className?: string;
}

/**
 * An answer as GitHub-flavoured Markdown, with highlighted code, KaTeX math and Mermaid diagrams.
 * Built for streaming: the text is split into top-level blocks incrementally and finished blocks are
 * memoized, so a chunk costs about the same at the 100,000th character as at the first. A long
 * answer opened whole shows its start and end first and the rest when the window is idle. Model
 * output never becomes HTML elements; links and images go through explicit checks; whatever goes
 * wrong stays inside this answer.
 */
export function Markdown(props: MarkdownProps) {
  return (
    <AnswerBoundary text={props.text}>
      <MarkdownAnswer {...props} />
    </AnswerBoundary>
  );
}

function MarkdownAnswer({ text, streaming, onOpenLink, className }: MarkdownProps) {
  const runs = useAnswerPieces(text, streaming);

  // A stable callback: a new onOpenLink each render must not re-render the memoized blocks.
  const latestOnOpenLink = useRef(onOpenLink);
  useInsertionEffect(() => {
    latestOnOpenLink.current = onOpenLink;
  });
  const openLink = useCallback((url: string) => latestOnOpenLink.current(url), []);
  const context = useMemo(() => ({ openLink }), [openLink]);

  return (
    <MarkdownContext value={context}>
      <div className={className ? `md ${className}` : 'md'}>
        {runs.map((run) =>
          // Runs only ever change at the end, or from a placeholder to its blocks: the key is a stable identity.
          run.blocks ? (
            <MarkdownBlockGroup key={run.key} blocks={run.blocks} openIndex={run.openIndex} />
          ) : (
            <div key={run.key} className="md-pending" style={{ height: run.height }} aria-hidden="true" />
          ),
        )}
      </div>
    </MarkdownContext>
  );
}
