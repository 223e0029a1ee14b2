/**
 * Long conversations, in Chromium: time to open a conversation (render until its first frame is
 * painted), DOM elements and JS heap once it has settled, for Parley's virtualized list at 10 and
 * 1,000 messages and, as the baseline in the same run, the same 1,000 messages all rendered (the
 * list before virtualization). Prints a table; not a pass/fail test.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { ConversationPage, ListKind } from './conversation/page/main';
import { launchChromium } from './markdown/launchChromium';
import { servePage } from './markdown/servePage';
import { mb, ms, printTable } from './report';

interface Scenario {
  label: string;
  kind: ListKind;
  count: number;
  runs: number;
}

const SCENARIOS: Scenario[] = [
  { label: 'Parley, 10 messages', kind: 'parley', count: 10, runs: 15 },
  { label: 'Parley, 1,000 messages', kind: 'parley', count: 1_000, runs: 15 },
  { label: 'all rendered (baseline), 1,000 messages', kind: 'naive', count: 1_000, runs: 3 },
];

/** Time for lazy parts (code highlighting, KaTeX fonts) and measured rows to settle. */
const SETTLE_MS = 1_000;

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

// Only plain expressions inside evaluate: tsx's helpers for named functions do not exist in the page.
const reset = (page: Page) => page.evaluate(() => (window as unknown as { conversationPage: ConversationPage }).conversationPage.reset());
const open = (page: Page, kind: ListKind, count: number) =>
  page.evaluate(({ kind, count }) => (window as unknown as { conversationPage: ConversationPage }).conversationPage.open(kind, count), { kind, count });

async function measure(page: Page, { kind, count, runs }: Scenario) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await reset(page);
    samples.push(await open(page, kind, count));
  }
  await page.waitForTimeout(SETTLE_MS);
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  const heap = await heapUsed(page);
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)] ?? NaN, max: samples.at(-1) ?? NaN, elements, heap };
}

export async function runConversationBench(): Promise<void> {
  console.info('\nLong conversations: building the page and starting Chromium…');
  const served = await servePage(join(import.meta.dirname, 'conversation', 'page'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(served.url);
    await page.waitForFunction(() => 'conversationPage' in window);
    // Warm-up: JIT, the code grammar, KaTeX.
    await measure(page, { label: '', kind: 'parley', count: 1_000, runs: 3 });

    const results = [];
    for (const scenario of SCENARIOS) results.push({ scenario, ...(await measure(page, scenario)) });
    const baseline = results.find((result) => result.scenario.kind === 'naive');
    console.info('Open = render until the first frame is painted. Elements and heap after 1 s to settle (heap after a GC).\n');
    printTable(
      ['conversation', 'open p50', 'open max', 'vs baseline', 'DOM elements', 'JS heap'],
      results.map(({ scenario, p50, max, elements, heap }) => [
        scenario.label,
        ms(p50),
        ms(max),
        !baseline || scenario === baseline.scenario ? 'baseline' : `${(baseline.p50 / p50).toFixed(1)}× faster`,
        elements.toLocaleString('en'),
        mb(heap),
      ]),
    );
    console.info('Goals (issue 4): open ≤ 150 ms, ≤ 2,000 DOM elements at any length, heap ≤ 150 MB.');
  } finally {
    await browser.close();
    await served.close();
  }
}

// `npx tsx bench/conversation.bench.ts`: this benchmark alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runConversationBench();
