import type { Mermaid } from 'mermaid';
import { withLabelMarkupAsText } from './mermaidLabels';
import { diagramSettings, withoutDiagramConfig } from './mermaidConfig';

export interface DiagramImage {
  url: string;
  width: number;
  height: number;
}

let mermaid: Promise<Mermaid> | undefined;
// Mermaid keeps its configuration globally: renders go one at a time so each uses its own theme.
let queue: Promise<unknown> = Promise.resolve();
let count = 0;

const prefersDark = (): boolean => {
  const theme = document.documentElement.dataset.theme;
  return theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
};

/**
 * Renders a Mermaid diagram to an SVG image URL. Mermaid is imported on first use (it is large).
 * The diagram's own configuration is dropped and Parley's strict settings apply (mermaidConfig.ts):
 * labels sanitized and never HTML, no click handlers. The SVG is then
 * shown through `<img src="data:image/svg+xml,…">`: an image runs no script and loads nothing, and
 * its own `<style>` applies inside it, where the page's `style-src 'self'` would block it in the DOM.
 */
export function renderMermaidImage(source: string): Promise<DiagramImage> {
  const render = async (): Promise<DiagramImage> => {
    mermaid ??= import('mermaid').then((module) => module.default);
    const instance = await mermaid;
    instance.initialize(diagramSettings(prefersDark()));
    count += 1;
    const { svg } = await instance.render(`parley-mermaid-${count}`, withLabelMarkupAsText(withoutDiagramConfig(source)));
    const [, , width = 300, height = 150] = /viewBox="([^"]*)"/.exec(svg)?.[1]?.split(/[\s,]+/).map(Number) ?? [];
    return { url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width: Math.ceil(width), height: Math.ceil(height) };
  };
  const result = queue.then(render, render);
  queue = result.catch(() => undefined);
  return result;
}
