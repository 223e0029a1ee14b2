import { lazy, memo, Suspense, useContext } from 'react';
import type { ThemedToken } from 'shiki/core';
import { CopyCodeButton } from './CopyCodeButton';
import { OpenBlockContext } from './markdownContext';
import { useHighlightedCode } from './useHighlightedCode';

const MermaidDiagram = lazy(() => import('./MermaidDiagram'));

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
  const pre = (
    <pre className="md-code-body" tabIndex={0}>
      <code>{tokens ? tokens.map((line, index) => <Line key={index} tokens={line} first={index === 0} />) : code}</code>
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

/** Complete lines keep their token arrays between chunks, so only changed lines re-render. */
const Line = memo(function Line({ tokens, first }: { tokens: ThemedToken[]; first: boolean }) {
  return (
    <>
      {!first && '\n'}
      {tokens.map((token, at) => (
        // CSSOM styles (React's style prop) are allowed by the CSP; `style="…"` markup would not be.
        <span key={at} style={{ color: token.color, fontStyle: (token.fontStyle ?? 0) & ITALIC ? 'italic' : undefined, fontWeight: (token.fontStyle ?? 0) & BOLD ? 'bold' : undefined }}>
          {token.content}
        </span>
      ))}
    </>
  );
});
