import 'katex/dist/katex.min.css';
import '../../styles/markdown.css';
import { useCallback, useInsertionEffect, useMemo, useRef, useState } from 'react';
import { createBlockSplitter } from './blockSplitter';
import { MarkdownBlockGroup } from './MarkdownBlockGroup';
import { MarkdownContext } from './markdownContext';

const GROUP_SIZE = 32;

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
 * An answer as GitHub-flavoured Markdown, with highlighted code, KaTeX math and Mermaid diagrams,
 * built for streaming: the text is split into top-level blocks incrementally and finished blocks are
 * memoized, so a chunk costs about the same at the 100,000th character as at the first.
 * Model output never becomes HTML elements; links and images go through explicit checks.
 */
export function Markdown({ text, streaming, onOpenLink, className }: MarkdownProps) {
  const [splitter] = useState(createBlockSplitter);
  const groups = useMemo(() => {
    const blocks = splitter.split(text);
    return Array.from({ length: Math.ceil(blocks.length / GROUP_SIZE) }, (_, index) => blocks.slice(index * GROUP_SIZE, (index + 1) * GROUP_SIZE));
  }, [splitter, text]);

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
        {groups.map((group, index) => (
          // Groups only ever change at the end: the index is a stable identity.
          <MarkdownBlockGroup key={index} blocks={group} openIndex={streaming && index === groups.length - 1 ? group.length - 1 : -1} />
        ))}
      </div>
    </MarkdownContext>
  );
}
