/**
 * The fuzz test's goal in real Chromium (issue 15, Proof: no input of up to 100,000 characters takes
 * longer than 1 s to render). Renders through Parley's <Markdown>, to the painted frame, the texts
 * the fuzz test generates (its arbitrary, a fixed seed) and the security corpus's deep-nesting shapes
 * grown to 100,000 characters, each finished and streaming (both as first shown: the visible part
 * first), against an ordinary 100,000-character answer measured in the same run. Prints a table
 * with pass/fail against the goal; `npm test` never fails on speed (the unit fuzz test bounds it).
 */
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { DENSE_SHAPES } from './fixtures/denseMarkup';
import { NESTING_SHAPES, nestingAt, type NestingShape } from './fixtures/deepNesting';
import { FUZZ_MAX_CHARS, markdownCase } from './fixtures/markdownFuzz';
import { launchChromium } from './markdown/launchChromium';
import { openMarkdownPage } from './markdown/openMarkdownPage';
import type { MarkdownPage } from './markdown/page/main';
import { sampleAnswer } from './markdown/sampleAnswer';
import { serveMarkdownPage } from './markdown/servePage';
import { QUICK } from './options';
import { printTable } from './report';

const GOAL_MS = 1_000;
const SEED = 15;
const GENERATED = QUICK ? 12 : 40;
const BASELINE_RUNS = QUICK ? 3 : 7;
const HOSTILE_RUNS = QUICK ? 1 : 3;
const FALLBACK = 'This answer could not be displayed.';

interface Case {
  name: string;
  text: string;
  streaming: boolean;
}

interface Sample {
  name: string;
  chars: number;
  ms: number;
  fellBack: boolean;
}

/** Renders `text` into a fresh root: ms to the painted frame, and whether the error boundary took over. */
async function open(page: Page, { name, text, streaming }: Case): Promise<Sample> {
  // Only plain expressions inside evaluate: tsx's helpers for named functions do not exist in the page.
  const { ms, fellBack } = await page.evaluate(
    async ({ text, streaming, fallback }) => {
      const { ms } = await (window as unknown as { markdownPage: MarkdownPage }).markdownPage.open('parley', text, streaming);
      return { ms, fellBack: document.getElementById('root')?.textContent?.includes(fallback) ?? true };
    },
    { text, streaming, fallback: FALLBACK },
  );
  return { name, chars: text.length, ms, fellBack };
}

/** Each shape grown to the fuzz test's largest text. */
const hostileCases = (shapes: readonly NestingShape[], streaming: boolean): Case[] =>
  shapes.flatMap((shape) => Array.from({ length: HOSTILE_RUNS }, () => ({ name: shape.name, text: nestingAt(shape, FUZZ_MAX_CHARS), streaming })));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const fixed = (value: number): string => `${value.toFixed(1)} ms`;

export async function runMarkdownFuzzBench(): Promise<void> {
  console.info('\nMarkdown fuzz: building the page and starting Chromium…');
  const served = await serveMarkdownPage();
  const browser = await launchChromium();
  try {
    const page = await openMarkdownPage(browser, served.url);

    const ordinary = sampleAnswer(FUZZ_MAX_CHARS).slice(0, FUZZ_MAX_CHARS);
    const generated = fc.sample(markdownCase, { seed: SEED, numRuns: GENERATED });
    const classes: { name: string; streaming: boolean; cases: Case[] }[] = [];
    for (const streaming of [false, true]) {
      const mode = streaming ? 'streaming' : 'finished';
      classes.push(
        { name: `ordinary 100k answer, ${mode} (baseline)`, streaming, cases: Array.from({ length: BASELINE_RUNS }, () => ({ name: 'ordinary', text: ordinary, streaming })) },
        {
          name: `generated (fuzz arbitrary, seed ${SEED}), ${mode}`,
          streaming,
          cases: generated.flatMap((sample, index) => (sample.streaming === streaming ? [{ name: `generated #${index}`, ...sample }] : [])),
        },
        {
          name: `deep nesting corpus at ≤ 100k chars, ${mode}`,
          streaming,
          cases: hostileCases(NESTING_SHAPES, streaming),
        },
        { name: `dense markup at ≤ 100k chars, ${mode}`, streaming, cases: hostileCases(DENSE_SHAPES, streaming) },
      );
    }

    // Warm-up: JIT, KaTeX and its fonts, the code grammar.
    await open(page, { name: 'warm-up', text: ordinary, streaming: false });
    await page.waitForTimeout(1_000);

    const measured = [];
    for (const measuredClass of classes) {
      const samples = [];
      for (const oneCase of measuredClass.cases) samples.push(await open(page, oneCase));
      measured.push({ ...measuredClass, samples });
    }

    const baselineP50 = new Map<boolean, number>();
    const rows = measured.map(({ name, streaming, samples }) => {
      const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
      const p50 = quantile(sorted, 0.5);
      if (!baselineP50.has(streaming)) baselineP50.set(streaming, p50);
      const slowest = samples.reduce((worst, sample) => (sample.ms > worst.ms ? sample : worst));
      const fellBack = samples.filter((sample) => sample.fellBack).length;
      const max = sorted.at(-1) ?? NaN;
      return [
        name,
        String(samples.length),
        fixed(p50),
        fixed(quantile(sorted, 0.95)),
        fixed(max),
        `${(p50 / (baselineP50.get(streaming) ?? NaN)).toFixed(2)}×`,
        `${slowest.name} (${slowest.chars.toLocaleString('en')} chars)`,
        fellBack ? `FAIL (${fellBack} not displayed)` : max <= GOAL_MS ? 'PASS' : 'FAIL',
      ];
    });
    console.info(
      `Parley's <Markdown> in Chromium (900×800), ms from render to the painted frame. Finished: as when opening a conversation; streaming: as when a conversation is opened (or an answer scrolled back into view) while its answer streams; both render the visible part first. "vs baseline": p50 against the ordinary answer in the same mode, same run.\n`,
    );
    printTable(['case class', 'cases', 'p50', 'p95', 'max', 'vs baseline', 'slowest case', `max ≤ ${GOAL_MS} ms`], rows);
  } finally {
    await browser.close();
    await served.close();
  }
}

// `npx tsx bench/markdownFuzz.bench.ts [--quick]`: this benchmark alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runMarkdownFuzzBench();
