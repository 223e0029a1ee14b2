import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';

/**
 * TeX → hast through KaTeX (HTML for the eye, MathML for screen readers). Returned as a tree rather
 * than injected as HTML: React then sets KaTeX's inline styles through the CSSOM, which the CSP's
 * `style-src 'self'` allows, where `style="…"` attributes parsed from HTML would be blocked. The
 * HTML is parsed in JavaScript (parse5), not by the DOM, which would report each style as a violation.
 * TeX that does not parse (often: half of it, mid-stream) shows as its source.
 */
export function mathToHast(tex: string, displayMode: boolean): ElementContent {
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
    return { type: 'element', tagName: displayMode ? 'div' : 'span', properties: { className: [displayMode ? 'md-math-display' : 'md-math-inline'] }, children };
  } catch (error) {
    const title = error instanceof Error ? error.message : String(error);
    return { type: 'element', tagName: 'code', properties: { className: ['md-math-source'], title }, children: [{ type: 'text', value: tex }] };
  }
}
