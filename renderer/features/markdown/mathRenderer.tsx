import 'katex/dist/katex.min.css';
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import katex from 'katex';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { MathSource } from './MathSource';

/**
 * TeX → React elements through KaTeX (HTML for the eye, MathML for screen readers). Loaded only when
 * an answer first shows math: KaTeX, its stylesheet and the HTML parser are a large part of the app.
 * The HTML is parsed in JavaScript (parse5), not by the DOM, and turned into elements whose inline
 * styles React sets through the CSSOM, which the CSP's `style-src 'self'` allows, where `style="…"`
 * attributes would be blocked. TeX that does not parse (often: half of it, mid-stream) shows as its source.
 */
export function renderMath(tex: string, displayMode: boolean): ReactNode {
  const key = `${displayMode ? 'display' : 'inline'} ${tex}`;
  const cached = typeset.get(key);
  if (cached !== undefined) return cached;
  const math = typesetMath(tex, displayMode);
  if (typeset.size >= MAX_TYPESET) typeset.delete(typeset.keys().next().value ?? '');
  typeset.set(key, math);
  return math;
}

/**
 * Formulas typeset lately, by mode and TeX: a conversation opened again (or an answer shown again
 * after scrolling back to it) reuses them instead of running KaTeX and the HTML parser anew, which
 * is most of the time a screen of math costs. Elements are immutable, so one can be shown twice.
 */
const typeset = new Map<string, ReactNode>();
/** Enough for the formulas of a few long answers; the oldest go first. */
const MAX_TYPESET = 2_000;

function typesetMath(tex: string, displayMode: boolean): ReactNode {
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      // No \href, \url, \includegraphics, \htmlClass…: model output must not make links or load things.
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxExpand: 1000,
    });
    const children = fromHtml(html, { fragment: true }).children as ElementContent[];
    const math = { type: 'element' as const, tagName: displayMode ? 'div' : 'span', properties: { className: [displayMode ? 'md-math-display' : 'md-math-inline'] }, children };
    return toJsxRuntime(math, { Fragment, jsx, jsxs, ignoreInvalidStyle: true });
  } catch (error) {
    return <MathSource tex={tex} problem={error instanceof Error ? error.message : String(error)} />;
  }
}
