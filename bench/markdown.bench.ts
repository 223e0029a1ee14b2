/**
 * Markdown streaming benchmark, in Chromium: main-thread time (render + style + layout) per
 * 20-character chunk of a streaming answer at 1k / 10k / 50k / 100k characters, for Parley's
 * <Markdown> and, in the same run, three baselines: react-markdown and streamdown re-rendering the
 * whole text each chunk, and the floor (plain paragraphs, only the last one growing). Parley runs
 * under the app's Content Security Policy, as it ships; the baselines on the same page without it, so
 * they pay no CSP penalty. The same again for one long numbered list, which is one block however
 * long it grows. Prints two tables; not a pass/fail test.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from './markdown/launchChromium';
import { openMarkdownPage } from './markdown/openMarkdownPage';
import type { MarkdownPage, Renderer } from './markdown/page/main';
import { listAnswer, sampleAnswer } from './markdown/sampleAnswer';
import { serveMarkdownPage } from './markdown/servePage';
import { QUICK } from './options';
import { percentiles, printTable } from './report';

const SIZES = [1_000, 10_000, 50_000, 100_000];
// A list under 10,000 characters is one block, rendered whole until issue 16's change; longer ones are in parts.
const LIST_SIZES = [1_000, 5_000, 20_000, 100_000];
const CHUNK = 20;
// 100 chunks = 2,000 characters: every kind of block in the sample streams during a measurement.
const CHUNKS = 100;
// react-markdown and streamdown parse the whole text at every chunk, so which chunks stream barely
// moves their figure, while each costs up to 2 s at 100k: fewer of them keep the run short.
const WHOLE_TEXT_CHUNKS = QUICK ? 5 : 15;

/** Each renderer and how many chunks it streams at each size ('naive' is react-markdown). */
const RENDERERS: { renderer: Renderer; chunks: number }[] = [
  { renderer: 'parley', chunks: CHUNKS },
  { renderer: 'naive', chunks: WHOLE_TEXT_CHUNKS },
  { renderer: 'streamdown', chunks: WHOLE_TEXT_CHUNKS },
  { renderer: 'floor', chunks: CHUNKS },
];

interface Timing {
  p50: number;
  p95: number;
  scriptP50: number;
  elements: number;
}

async function measure(page: Page, renderer: Renderer, text: string, size: number, chunks: number): Promise<Timing> {
  // Only plain expressions inside evaluate: tsx's helpers for named functions do not exist in the page.
  const { samples, elements } = await page.evaluate(
    ({ renderer, text, size, step, chunks }) => {
      const markdown = (window as unknown as { markdownPage: MarkdownPage }).markdownPage;
      markdown.reset();
      return { samples: markdown.stream(renderer, text, size, step, chunks), elements: document.getElementById('root')?.querySelectorAll('*').length ?? 0 };
    },
    { renderer, text, size, step: CHUNK, chunks },
  );
  const total = percentiles(samples.total);
  return { ...total, scriptP50: percentiles(samples.script).p50, elements };
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const times = (ratio: number): string => `${ratio.toFixed(1)}×`;

export async function runMarkdownBench(): Promise<void> {
  console.info('\nMarkdown: building the page and starting Chromium…');
  const served = await serveMarkdownPage();
  const browser = await launchChromium();
  try {
    const withCsp = await openMarkdownPage(browser, served.url);
    const withoutCsp = await openMarkdownPage(browser, served.urlWithoutCsp);
    const pageFor = (renderer: Renderer): Page => (renderer === 'parley' ? withCsp : withoutCsp);
    const text = sampleAnswer(Math.max(...SIZES) + CHUNK * CHUNKS);
    // Warm-up: JIT, KaTeX fonts, the code grammar.
    for (const { renderer } of RENDERERS) await measure(pageFor(renderer), renderer, text, 5_000, 10);

    // The realistic sample, then one long list: a list is one block however long, never final while it streams.
    const samples = [
      { title: 'a realistic answer (prose, lists, tables, code, math)', text, sizes: SIZES, renderers: RENDERERS },
      // No floor: the list has no blank line, so the floor would grow one paragraph of the whole text.
      { title: 'one numbered list', text: listAnswer(Math.max(...LIST_SIZES) + CHUNK * CHUNKS), sizes: LIST_SIZES, renderers: RENDERERS.filter(({ renderer }) => renderer !== 'floor') },
    ];
    for (const sample of samples) {
      const rows: string[][] = [];
      let parleyAtFirst = NaN;
      for (const size of sample.sizes) {
        // One size at a time, every renderer in turn: a change of load on the machine hits all of them.
        const timings = new Map<Renderer, Timing>();
        for (const { renderer, chunks } of sample.renderers) timings.set(renderer, await measure(pageFor(renderer), renderer, sample.text, size, chunks));
        const at = (renderer: Renderer): Timing => timings.get(renderer) as Timing;
        const own = at('parley');
        const floor = timings.get('floor');
        if (size === sample.sizes[0]) parleyAtFirst = own.p50;
        rows.push([
          `${(size / 1000).toLocaleString('en')}k chars`,
          ms(own.p50),
          ms(own.p95),
          ms(own.scriptP50),
          ms(at('naive').p50),
          ms(at('streamdown').p50),
          floor ? ms(floor.p50) : '—',
          times(at('naive').p50 / own.p50),
          times(at('streamdown').p50 / own.p50),
          floor ? ms(own.p50 - floor.p50) : '—',
          `${(own.p50 / parleyAtFirst).toFixed(2)}×`,
          own.elements.toLocaleString('en'),
        ]);
      }
      console.info(
        `\nStreaming ${sample.title}. Per ${CHUNK}-character chunk, p50 of ${CHUNKS} chunks at each size for Parley and the floor, ${WHOLE_TEXT_CHUNKS} for react-markdown and streamdown: ` +
          'render + style + layout; "script" is React\'s render and commit alone. Parley under the app\'s CSP, the baselines without it.\n',
      );
      printTable(
        ['answer length', 'Parley p50', 'Parley p95', 'Parley script p50', 'react-markdown p50', 'streamdown p50', 'floor p50', 'react-markdown / Parley', 'streamdown / Parley', 'Parley − floor', `Parley vs ${(sample.sizes[0] ?? 0) / 1000}k`, 'DOM elements'],
        rows,
      );
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

// `npx tsx bench/markdown.bench.ts [--quick]`: this benchmark alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runMarkdownBench();
