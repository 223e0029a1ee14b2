/**
 * Long finished answers and the start-up bundle (issue 16), each printed with its goal and pass/fail:
 *
 * 1. A finished 122k-character answer rendered at once: ms until the frame showing it is painted,
 *    for Parley's <Markdown> and, in the same run and page, react-markdown and streamdown (served
 *    without the CSP, so they pay no CSP penalty); then the same on the real app path: web mode in
 *    Chromium, the real bridge and the real list, switching to a conversation holding that answer.
 * 2. Reopening a conversation whose answer is 120.8k characters after a reload: from the click in the
 *    sidebar to the painted frame in which the visible part of the answer is rendered Markdown.
 * 3. The initial renderer chunk: the JavaScript the window loads before it can show anything.
 *
 * Medians of at least 3 runs (`--quick`: 3, else 7). Not a pass/fail test: `npm test` never fails on speed.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startWebMode } from '../main/web/startWebMode';
import { openConversation as openTitled, seedDataFolder } from './appOpen';
import { launchChromium } from './markdown/launchChromium';
import { openMarkdownPage } from './markdown/openMarkdownPage';
import type { MarkdownPage, Renderer } from './markdown/page/main';
import { sampleAnswer } from './markdown/sampleAnswer';
import { serveMarkdownPage } from './markdown/servePage';
import { printTable } from './report';

const RUNS = process.argv.includes('--quick') ? 3 : 7;
const FINISHED_CHARS = 122_000;
const REOPENED_CHARS = 120_800;
const GOALS = { finishedMs: 100, reopenedMs: 150, initialKiB: 400 };
const LONG_TITLE = 'A long answer';
const SHORT_TITLE = 'A short answer';
const SHORT_HEADING = 'With a heading';

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN;
const fixed = (value: number): string => `${value.toFixed(2)} ms`;
const verdict = (pass: boolean): string => (pass ? 'pass' : 'FAIL');

/** Component level: the same page, the same text, each renderer in a fresh root. */
async function openInPage(browser: Browser): Promise<{ renderer: Renderer; ms: number; covered: boolean }[]> {
  const served = await serveMarkdownPage();
  const text = sampleAnswer(FINISHED_CHARS).slice(0, FINISHED_CHARS);
  try {
    const results = [];
    for (const renderer of ['parley', 'naive', 'streamdown'] as const) {
      const page = await openMarkdownPage(browser, renderer === 'parley' ? served.url : served.urlWithoutCsp);
      const open = () => page.evaluate(({ renderer, text }) => (window as unknown as { markdownPage: MarkdownPage }).markdownPage.open(renderer, text), { renderer, text });
      // Warm-up: JIT, KaTeX and its fonts, the code grammar.
      await open();
      await page.waitForTimeout(1_000);
      const samples = [];
      for (let run = 0; run < RUNS; run++) samples.push(await open());
      results.push({ renderer, ms: median(samples.map((sample) => sample.ms)), covered: samples.every((sample) => sample.screenCovered) });
      await page.close();
    }
    return results;
  } finally {
    await served.close();
  }
}

/** A data folder with a short conversation and one whose answer is `chars` long. */
function seedAnswers(chars: number): Promise<string> {
  return seedDataFolder('parley-bench-open-', (store) => {
    for (const [title, answer] of [
      [LONG_TITLE, sampleAnswer(chars).slice(0, chars)],
      [SHORT_TITLE, `A short answer, **in Markdown**.\n\n## ${SHORT_HEADING}\n\nAnd a paragraph.`],
    ] as const) {
      const { id } = store.createConversation({ title, model: 'fake/echo', systemPrompt: '', params: {} });
      store.addUserMessage(id, { content: 'Explain it all, step by step.', model: 'fake/echo', params: {} });
      const writer = store.startAnswer(id, { model: 'fake/echo', params: {} });
      writer.append({ content: answer });
      writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 300, durationMs: 4_000 });
    }
  });
}

/** Opens a conversation by its title; the long answer opens at its end: any of its own headings ("Step n: …") tells it from the short one. */
const openConversation = (page: Page, title: string): Promise<number> => openTitled(page, title, title === LONG_TITLE ? 'Step ' : SHORT_HEADING);

/** The real app path: web mode over a seeded data folder, in Chromium. */
async function openInApp(browser: Browser): Promise<{ switchMs: number; switchShortMs: number; reopenMs: number; reopenShortMs: number }> {
  const dataDir = await seedAnswers(REOPENED_CHARS);
  const finishedDir = await seedAnswers(FINISHED_CHARS);
  const open = async (dir: string) => {
    const server = await startWebMode({ dataDir: dir, staticDir: path.resolve('dist/renderer'), envKey: 'bench-key' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: LONG_TITLE, exact: true }).waitFor();
    return { server, page };
  };
  try {
    // Switching to the 122k answer in a running window (renderer loaded, warmed up once).
    const warm = await open(finishedDir);
    await openConversation(warm.page, LONG_TITLE);
    const switches = [];
    const shortSwitches = [];
    for (let run = 0; run < RUNS; run++) {
      shortSwitches.push(await openConversation(warm.page, SHORT_TITLE));
      await warm.page.waitForTimeout(300);
      switches.push(await openConversation(warm.page, LONG_TITLE));
      await warm.page.waitForTimeout(300);
    }
    await warm.page.close();
    await warm.server.close();

    // Reopening the 120.8k answer after a reload: a cold renderer each time.
    const cold = await open(dataDir);
    const reopen = async (title: string) => {
      const samples = [];
      for (let run = 0; run < RUNS; run++) {
        await cold.page.reload();
        await cold.page.getByRole('button', { name: title, exact: true }).waitFor();
        // The window as a person meets it: started, and idle for a moment before the click.
        await cold.page.waitForTimeout(500);
        samples.push(await openConversation(cold.page, title));
      }
      return median(samples);
    };
    const reopenMs = await reopen(LONG_TITLE);
    const reopenShortMs = await reopen(SHORT_TITLE);
    await cold.page.close();
    await cold.server.close();
    return { switchMs: median(switches), switchShortMs: median(shortSwitches), reopenMs, reopenShortMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(finishedDir, { recursive: true, force: true });
  }
}

/** The JavaScript index.html loads: its module script and what it preloads. */
function initialBundle(): { bytes: number; gzip: number; files: string[] } {
  const root = path.resolve('dist/renderer');
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    bytes += statSync(path.join(root, file)).size;
    gzip += gzipSync(readFileSync(path.join(root, file))).length;
  }
  return { bytes, gzip, files };
}

export async function runMarkdownOpenBench(): Promise<void> {
  console.info('\nLong finished answers and the start-up bundle: building the page and starting Chromium…');
  const browser = await launchChromium();
  try {
    const inPage = await openInPage(browser);
    const parley = inPage.find((result) => result.renderer === 'parley');
    const reactMarkdown = inPage.find((result) => result.renderer === 'naive');
    const streamdown = inPage.find((result) => result.renderer === 'streamdown');
    if (!parley || !reactMarkdown || !streamdown) throw new Error('A renderer was not measured');
    const app = await openInApp(browser);
    const bundle = initialBundle();
    const kib = bundle.bytes / 1024;

    console.info(`Medians of ${RUNS} runs, to the painted frame. "Screen covered": the first frame showed rendered Markdown over the whole window.\n`);
    printTable(
      ['what a person feels', 'Parley', 'react-markdown', 'streamdown', 'goal', 'result'],
      [
        [
          `finished ${FINISHED_CHARS / 1000}k-char answer at once (component, 900×800)`,
          `${fixed(parley.ms)}${parley.covered ? '' : ' (screen not covered)'}`,
          fixed(reactMarkdown.ms),
          fixed(streamdown.ms),
          `≤ ${GOALS.finishedMs} ms, < react-markdown`,
          verdict(parley.ms <= GOALS.finishedMs && parley.covered && parley.ms < reactMarkdown.ms),
        ],
        [`finished ${FINISHED_CHARS / 1000}k-char answer: switching to it in the app (web mode)`, fixed(app.switchMs), '', '', `≤ ${GOALS.finishedMs} ms`, verdict(app.switchMs <= GOALS.finishedMs)],
        ['  same-run reference: switching to a short answer', fixed(app.switchShortMs), '', '', `long / short ${(app.switchMs / app.switchShortMs).toFixed(2)}×`, ''],
        [`reopening a ${REOPENED_CHARS / 1000}k-char answer after a reload (web mode)`, fixed(app.reopenMs), '', '', `≤ ${GOALS.reopenedMs} ms`, verdict(app.reopenMs <= GOALS.reopenedMs)],
        ['  same-run reference: reopening a short answer after a reload', fixed(app.reopenShortMs), '', '', `long / short ${(app.reopenMs / app.reopenShortMs).toFixed(2)}×`, ''],
        [
          'start-up bundle: initial renderer JavaScript',
          `${kib.toFixed(0)} KiB (${(bundle.gzip / 1024).toFixed(0)} KiB gzip)`,
          '',
          '',
          `≤ ${GOALS.initialKiB} KiB`,
          verdict(kib <= GOALS.initialKiB),
        ],
      ],
    );
    console.info(`Initial files: ${bundle.files.join(', ')}. Markdown, KaTeX, highlighting and Mermaid load when first needed.`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runMarkdownOpenBench();
