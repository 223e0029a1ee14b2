import type { MermaidConfig } from 'mermaid';

// Mermaid's own patterns (mermaid 11, diagram-api/regexes.ts), so whatever Mermaid would read as
// configuration is found here too. A directive's closing `}%%` is optional to Mermaid.
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const TITLE = /^title:.*$/m;

/**
 * A diagram's source without the configuration it carries: every `%%{…}%%` directive (`init`
 * can turn on HTML labels, loosen sanitizing, inject CSS) and the front matter, except its
 * `title:` line. A diagram from a model is drawn with Parley's settings only.
 */
export function withoutDiagramConfig(source: string): string {
  const frontMatter = FRONT_MATTER.exec(source);
  const title = frontMatter ? TITLE.exec(frontMatter[2] ?? '')?.[0] : undefined;
  const body = frontMatter ? source.slice(frontMatter[0].length) : source;
  return `${title ? `---\n${title}\n---\n` : ''}${body.replace(DIRECTIVE, '')}`;
}

/**
 * Keys no directive may change, should one get past withoutDiagramConfig: Mermaid's own list plus
 * HTML labels (in each place Mermaid reads them), its sanitizer's settings and raw CSS. Top-level
 * keys only, as Mermaid checks them: so `flowchart`, `class` and `state` are locked as a whole.
 */
const LOCKED_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'suppressErrorRendering',
  'htmlLabels',
  'flowchart',
  'class',
  'state',
  'dompurifyConfig',
  'themeCSS',
  'themeVariables',
  'fontFamily',
  'altFontFamily',
  'legacyMathML',
  'forceLegacyMathML',
];

/**
 * Mermaid's settings for a diagram from model output: `securityLevel: 'strict'` (labels sanitized,
 * no click handlers), no HTML labels anywhere (text labels are SVG text, so nothing in a label is
 * ever parsed as HTML in the page), and none of it open to the diagram's own directives.
 */
export function diagramSettings(dark: boolean): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    class: { htmlLabels: false },
    suppressErrorRendering: true,
    secure: LOCKED_KEYS,
  };
}
