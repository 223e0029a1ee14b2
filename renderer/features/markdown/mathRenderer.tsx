import 'katex/dist/katex.min.css';
import katex from 'katex';
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { setWithin } from '../../../shared/boundedMap';
import { MathSource } from './MathSource';

/** KaTeX's node tree (an internal API: `renderToString` builds the same tree and serializes it). */
interface KatexNode {
  attributes?: Record<string, string>;
  children?: KatexNode[];
  toNode(): Node;
}
const { __renderToDomTree: renderToDomTree } = katex as unknown as { __renderToDomTree: (tex: string, options: katex.KatexOptions) => KatexNode };

/**
 * TeX → DOM through KaTeX (HTML for the eye, MathML for screen readers). Loaded only when an answer
 * first shows math: KaTeX and its stylesheet are a large part of the app. KaTeX builds the nodes
 * itself, inline styles through the CSSOM, which the CSP's `style-src 'self'` allows: no HTML string
 * is parsed and no React element made per KaTeX node, which was most of a formula's cost (a
 * paragraph of 300 took over a second to first paint). TeX that does not parse (often: half of it,
 * mid-stream) shows as its source.
 */
export function renderMath(tex: string, displayMode: boolean): ReactNode {
  const key = `${displayMode ? 'display' : 'inline'} ${tex}`;
  const cached = typeset.get(key);
  if (cached !== undefined) return cached;
  const math = typesetMath(tex, displayMode);
  setWithin(typeset, key, math, MAX_TYPESET);
  return math;
}

/**
 * Formulas typeset lately, by mode and TeX: a conversation opened again (or an answer shown again
 * after scrolling back to it) copies their nodes instead of running KaTeX anew. Elements are
 * immutable, so one can be shown twice.
 */
const typeset = new Map<string, ReactNode>();
/** Enough for the formulas of a few long answers; the oldest go first. */
const MAX_TYPESET = 2_000;

function typesetMath(tex: string, displayMode: boolean): ReactNode {
  try {
    const tree = renderToDomTree(tex, {
      displayMode,
      throwOnError: true,
      // No \href, \url, \includegraphics, \htmlClass…: model output must not make links or load things.
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxExpand: 1000,
    });
    styleThroughCssom(tree);
    return <Typeset math={tree.toNode()} displayMode={displayMode} />;
  } catch (error) {
    return <MathSource tex={tex} problem={error instanceof Error ? error.message : String(error)} />;
  }
}

/**
 * A few KaTeX nodes (tall delimiters' SVG, some MathML) carry a `style` attribute, which the CSP
 * refuses: set through the CSSOM instead, as the rest of KaTeX's styles are.
 */
function styleThroughCssom(node: KatexNode): void {
  const style = node.attributes?.style;
  if (node.attributes && style !== undefined) {
    delete node.attributes.style;
    const toNode = node.toNode.bind(node);
    node.toNode = () => {
      const element = toNode() as HTMLElement;
      element.style.cssText = style;
      return element;
    };
  }
  for (const child of node.children ?? []) styleThroughCssom(child);
}

/** A typeset formula: a copy of its nodes, put in place before the frame is painted. */
function Typeset({ math, displayMode }: { math: Node; displayMode: boolean }) {
  const place = useCallback((holder: HTMLElement | null) => holder?.replaceChildren(math.cloneNode(true)), [math]);
  return displayMode ? <div className="md-math-display" ref={place} /> : <span className="md-math-inline" ref={place} />;
}
