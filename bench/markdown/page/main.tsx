// First, as in renderer/main.tsx: the cascade layers' order and the design tokens.
import '../../../renderer/styles/foundation.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import '../../../renderer/styles.css';
import { loadMarkdown, Markdown } from '../../../renderer/features/markdown/Markdown';
import { FloorMarkdown } from './FloorMarkdown';
import { NaiveMarkdown } from './NaiveMarkdown';
import { StreamdownMarkdown } from './StreamdownMarkdown';

export type Renderer = 'parley' | 'naive' | 'streamdown' | 'floor';

/** What bench/markdown.bench.ts and the Chromium test drive through page.evaluate. */
export interface MarkdownPage {
  /** Renders an answer, synchronously, and returns the main-thread time including style and layout. */
  show(renderer: Renderer, text: string, streaming: boolean): number;
  /**
   * Renders `text[0, from)` untimed, then times each `step`-character chunk up to `from + step * chunks`:
   * in total, and the script part alone (React render and commit, before style and layout).
   */
  stream(renderer: Renderer, text: string, from: number, step: number, chunks: number): { total: number[]; script: number[] };
  /**
   * Renders an answer (finished unless `streaming`) into a fresh root and resolves with the ms until
   * the frame showing it has been painted, and whether that frame covered the whole window with
   * rendered Markdown.
   */
  open(renderer: Renderer, text: string, streaming?: boolean): Promise<{ ms: number; screenCovered: boolean }>;
  /** Loads what Parley loads after start-up (the Markdown pipeline), as the app has by then. */
  ready(): Promise<unknown>;
  reset(): void;
  links: string[];
  violations: string[];
}

const container = document.getElementById('root') as HTMLElement;
let root: Root = createRoot(container);
const links: string[] = [];
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`));

function element(renderer: Renderer, text: string, streaming: boolean) {
  switch (renderer) {
    case 'parley':
      return <Markdown text={text} streaming={streaming} onOpenLink={(url) => links.push(url)} />;
    case 'naive':
      return <NaiveMarkdown text={text} />;
    case 'streamdown':
      return <StreamdownMarkdown text={text} streaming={streaming} />;
    case 'floor':
      return <FloorMarkdown text={text} />;
  }
}

const nextPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));

/** Whether rendered Markdown fills the window: no placeholder of a part not rendered yet is in view. */
function screenCovered(): boolean {
  const pending = [...container.querySelectorAll('.md-pending')].some((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
  return !pending && container.getBoundingClientRect().height >= window.innerHeight;
}

function time(renderer: Renderer, text: string, streaming: boolean): { total: number; script: number } {
  const started = performance.now();
  flushSync(() => root.render(element(renderer, text, streaming)));
  const script = performance.now() - started;
  // Reading layout forces style and layout now, inside the measurement, as a frame would.
  void container.offsetHeight;
  return { total: performance.now() - started, script };
}

const show = (renderer: Renderer, text: string, streaming: boolean): number => time(renderer, text, streaming).total;

const page: MarkdownPage = {
  show,
  stream(renderer, text, from, step, chunks) {
    show(renderer, text.slice(0, from), true);
    const timings = Array.from({ length: chunks }, (_, chunk) => time(renderer, text.slice(0, from + step * (chunk + 1)), true));
    return { total: timings.map((timing) => timing.total), script: timings.map((timing) => timing.script) };
  },
  async open(renderer, text, streaming = false) {
    page.reset();
    const started = performance.now();
    flushSync(() => root.render(element(renderer, text, streaming)));
    await nextPaint();
    return { ms: performance.now() - started, screenCovered: screenCovered() };
  },
  ready: () => loadMarkdown(),
  reset() {
    root.unmount();
    root = createRoot(container);
  },
  links,
  violations,
};

(window as unknown as { markdownPage: MarkdownPage }).markdownPage = page;
