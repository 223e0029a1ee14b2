import { lazy, memo, Suspense, useContext } from 'react';
import type { ThemedToken } from 'shiki/core';
import { LongText } from '../../lib/LongText';
import { CopyCodeButton } from './CopyCodeButton';
import { OpenBlockContext } from './markdownContext';
import { useHighlightedCode } from './useHighlightedCode';

const MermaidDiagram = lazy(() => import('./MermaidDiagram'));

/**
 * Lines of a code block per box of its own (markdown.css): the browser lays out each box apart, and
 * a long run of some scripts costs it the square of the run's length (2,500 lines of Latin and
 * Hebrew letters by turns took 4.3 s in one box).
 */
const LINES_PER_BOX = 20;
export const CODE_LINES_CLASS = 'md-code-lines';
/** A run of one very long line, in a box of its own on that line (markdown.css). */
export const CODE_RUN_CLASS = 'md-code-run';

interface CodeBlockProps {
  'data-language'?: string;
  children?: unknown;
}

/** A fenced or indented code block: language label, "Copy code", highlighted code; Mermaid as a diagram once complete. */
export function CodeBlock({ 'data-language': language = '', children }: CodeBlockProps) {
  const code = typeof children === 'string' ? children : '';
  const open = useContext(OpenBlockContext);
  const isMermaid = language.toLowerCase() === 'mermaid';
  const tokens = useHighlightedCode(code, isMermaid ? '' : language);
  const lines = tokens ?? code.split('\n');
  const pre = (
    <pre className="md-code-body" tabIndex={0}>
      <code>
        {Array.from({ length: Math.ceil(lines.length / LINES_PER_BOX) }, (_, box) => {
          const boxLines = lines.slice(box * LINES_PER_BOX, (box + 1) * LINES_PER_BOX);
          return (
            // Boxes only grow at the end: the index is a stable identity. Code never wraps, so its
            // lines are the box's height before it is laid out (markdown.css).
            <span key={box} className={CODE_LINES_CLASS} style={{ containIntrinsicBlockSize: `auto ${boxLines.length}lh` }}>
              {boxLines.map((line, index) => {
                const last = box * LINES_PER_BOX + index === lines.length - 1;
                return typeof line === 'string' ? <PlainLine key={index} text={line} last={last} /> : <Line key={index} tokens={line} last={last} />;
              })}
            </span>
          );
        })}
      </code>
    </pre>
  );

  return (
    <figure className="md-code">
      <figcaption className="md-code-header">
        <span className="md-code-language">{language === '' ? 'text' : language}</span>
        <CopyCodeButton code={code} />
      </figcaption>
      {isMermaid && !open ? (
        <Suspense fallback={pre}>
          <MermaidDiagram source={code} fallback={pre} />
        </Suspense>
      ) : (
        pre
      )}
    </figure>
  );
}

const ITALIC = 1;
const BOLD = 2;

/** Complete lines keep their token arrays between chunks, so only changed lines re-render. Each but the last ends with its line break, so a box ending with an empty line shows it. */
const Line = memo(function Line({ tokens, last }: { tokens: ThemedToken[]; last: boolean }) {
  return (
    <>
      {tokens.map((token, at) => (
        // CSSOM styles (React's style prop) are allowed by the CSP; `style="…"` markup would not be.
        <span key={at} style={{ color: token.color, fontStyle: (token.fontStyle ?? 0) & ITALIC ? 'italic' : undefined, fontWeight: (token.fontStyle ?? 0) & BOLD ? 'bold' : undefined }}>
          <LongText text={token.content} boxClassName={CODE_RUN_CLASS} />
        </span>
      ))}
      {!last && '\n'}
    </>
  );
});

/**
 * A line shown plain (no grammar, or while it loads). A very long line (minified code, a pasted blob:
 * one line of 100,000 Latin and Hebrew letters by turns took 4.9 s to lay out) is in runs of a box
 * each (LongText), side by side on its line (markdown.css), so the browser lays out each run apart.
 */
const PlainLine = ({ text, last }: { text: string; last: boolean }) => (
  <>
    <LongText text={text} boxClassName={CODE_RUN_CLASS} />
    {!last && '\n'}
  </>
);
