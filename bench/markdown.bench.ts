/**
 * Markdown streaming benchmark, in Chromium: main-thread time (render + style + layout) per
 * 20-character chunk of a streaming answer at 1k / 10k / 50k / 100k characters, for Parley's
 * <Markdown> and for a naive baseline (react-markdown re-rendering the whole text each chunk),
 * measured in the same run. Prints a table; not a pass/fail test.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from './markdown/launchChromium';
import type { MarkdownPage, Renderer } from './markdown/page/main';
import { sampleAnswer } from './markdown/sampleAnswer';
import { serveMarkdownPage } from './markdown/servePage';

const SIZES = [1_000, 10_000, 50_000, 100_000];
const CHUNK = 20;
// 100 chunks = 2,000 characters: every kind of block in the sample streams during a measurement.
const CHUNKS = 100;

interface Timing {
  p50: number;
  p95: number;
  scriptP50: number;
  elements: number;
}

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function measure(page: Page, renderer: Renderer, text: string, size: number): Promise<Timing> {
  // Only plain expressions inside evaluate: tsx's helpers for named functions do not exist in the page.
  const { samples, elements } = await page.evaluate(
    ({ renderer, text, size, step, chunks }) => {
      const markdown = (window as unknown as { markdownPage: MarkdownPage }).markdownPage;
      markdown.reset();
      return { samples: markdown.stream(renderer, text, size, step, chunks), elements: document.getElementById('root')?.querySelectorAll('*').length ?? 0 };
    },
    { renderer, text, size, step: CHUNK, chunks: CHUNKS },
  );
  return { p50: quantile(samples.total, 0.5), p95: quantile(samples.total, 0.95), scriptP50: quantile(samples.script, 0.5), elements };
}

/** A plain-text table (console.table quotes every string). */
function printTable(header: string[], body: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  console.info([line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(line)].join('\n'));
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export async function runMarkdownBench(): Promise<void> {
  console.info('\nMarkdown: building the page and starting Chromium…');
  const served = await serveMarkdownPage();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    await page.goto(served.url);
    await page.waitForFunction(() => 'markdownPage' in window);
    await page.evaluate(() => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.ready());
    const text = sampleAnswer(Math.max(...SIZES) + CHUNK * CHUNKS);
    // Warm-up: JIT, KaTeX fonts, the code grammar.
    for (const renderer of ['naive', 'parley'] as const) await measure(page, renderer, text, 5_000);
    await page.waitForTimeout(500);

    const rows: string[][] = [];
    let parleyAt1k = NaN;
    for (const size of SIZES) {
      const naive = await measure(page, 'naive', text, size);
      const parley = await measure(page, 'parley', text, size);
      if (size === SIZES[0]) parleyAt1k = parley.p50;
      rows.push([
        `${(size / 1000).toLocaleString('en')}k chars`,
        ms(naive.p50),
        ms(naive.p95),
        ms(parley.p50),
        ms(parley.p95),
        ms(parley.scriptP50),
        `${(naive.p50 / parley.p50).toFixed(1)}×`,
        `${(parley.p50 / parleyAt1k).toFixed(2)}×`,
        parley.elements.toLocaleString('en'),
      ]);
    }
    console.info(`Per ${CHUNK}-character chunk (${CHUNKS} chunks at each size): render + style + layout; "script" is React's render and commit alone.\n`);
    printTable(['answer length', 'naive p50', 'naive p95', 'Parley p50', 'Parley p95', 'Parley script p50', 'naive / Parley', 'Parley vs 1k', 'DOM elements'], rows);
  } finally {
    await browser.close();
    await served.close();
  }
}
