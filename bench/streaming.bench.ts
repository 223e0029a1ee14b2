/**
 * Streaming cost per chunk on the real app path (issue 16): web mode in Chromium, the real bridge,
 * main's real send path against a local server that sends exactly the chunks the bench pushes
 * (streaming/pacedServer.ts). Two answers, one after the other in the same conversation: a realistic
 * one (prose, lists, tables, code, math) and one long numbered list, the shape a model writes for
 * steps. Each grows to 1k, 10k, 50k and 100k characters (each size reached in one large chunk); at
 * each size, 20-character chunks are pushed one at a time, each measured as the renderer main
 * thread's whole busy time (DevTools' TaskDuration: script, style, layout, paint) from the push until
 * the page, once changed, is idle again. Three baselines in the same run: the same measurement at 1k,
 * and at each size the floor, chunks appended straight to the end of the answer's last paragraph or
 * list item in the DOM, which holds what the browser must do anyway and what the
 * bench's own frames and probes cost; and that floor again keeping the view at the end, which Parley
 * pays while it follows an answer and the plain floor does not. At each size the chunks come in three
 * rounds, Parley's and then the floors', and Parley over a floor is the median of the rounds'
 * differences. Long tasks (over 50 ms) are counted
 * while the measured chunks stream. The conversation is opened with a mouse click, so the pointer
 * rests over the sidebar as a person's does, and the browser's hover hit test after each change counts.
 *
 * Not a pass/fail test. Alone: `npx tsx bench/streaming.bench.ts [--quick]` (after `npm run build`).
 */
import { loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWebMode } from '../main/web/startWebMode';
import { seedDataFolder } from './appOpen';
import { openBarePage, type BarePage } from './bareChromium';
import { listAnswer, sampleAnswer } from './markdown/sampleAnswer';
import { QUICK } from './options';
import { percentiles, printTable } from './report';
import { PACED_MODEL, startPacedServer, type PacedServer } from './streaming/pacedServer';

const SIZES = [1_000, 10_000, 50_000, 100_000];
const CHUNK = 20;
/**
 * At each size, rounds of Parley's chunks then the floors' in turn, each side's p50 taken per round: the
 * machine's load drifts over a size's few seconds, and a round's sides see the same drift. The
 * difference reported is the median of the rounds' differences.
 */
const ROUNDS = 3;
const CHUNKS_PER_ROUND = QUICK ? 10 : 30;
/** Parley's chunks at each size (and each floor's). */
const CHUNKS = ROUNDS * CHUNKS_PER_ROUND;
const TITLE = 'Streaming bench';
const GOALS = { at100kMs: 2, ratio: 1.5 };

/**
 * Clicks the element with the mouse, as a person does: the pointer stays over it, and the browser
 * hit-tests where it rests after each change of the page, which a click made in script never shows.
 */
async function clickAt(page: BarePage, element: string): Promise<void> {
  const { x, y } = (await page.evaluate(`(() => { const box = ${element}.getBoundingClientRect(); return { x: box.x + box.width / 2, y: box.y + box.height / 2 }; })()`)) as { x: number; y: number };
  await page.call('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  await page.call('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
  await page.call('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
}

/** Page-side probe: counts changes in the page, tells who waits for the next one, and collects long tasks. */
const PROBE = `(() => {
  window.streamProbe = { changes: 0, waiting: [], longTasks: [] };
  new MutationObserver(() => {
    window.streamProbe.changes++;
    for (const changed of window.streamProbe.waiting.splice(0)) changed();
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  new PerformanceObserver((list) => window.streamProbe.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
})()`;

/**
 * How long a chunk may leave the page as it was: one that shows nothing yet (half a table's
 * delimiter row, held back until it is whole) changes nothing, and its cost is what that time took.
 */
const UNCHANGED_MS = 250;

/**
 * Resolves once the page has changed (or UNCHANGED_MS passed) and then gone idle: the chunk
 * rendered, measured and painted, and whatever it set off done. No frame is asked for while
 * waiting: a probe that polled each frame (as this bench did until 7 December) charged Parley,
 * whose chunk is still on its way when the wait starts and is drawn in an animation frame, for
 * about 1.6 more frames per chunk than the floor, whose chunk has landed by then (a trace
 * counted 3.6 frames against 2.0); each side now pays for the frames its change needs.
 */
const AFTER_CHANGE = (changes: number) => `new Promise((resolve) => {
  const settle = () => requestIdleCallback(() => resolve());
  if (window.streamProbe.changes > ${changes}) return settle();
  const changed = () => {
    clearTimeout(timer);
    settle();
  };
  const timer = setTimeout(() => {
    window.streamProbe.waiting = window.streamProbe.waiting.filter((waiter) => waiter !== changed);
    settle();
  }, ${UNCHANGED_MS});
  window.streamProbe.waiting.push(changed);
})`;

/**
 * Resolves once the page has been quiet for QUIET_PERIODS idle periods in a row (Chromium gives a page with
 * nothing to do idle periods of 50 ms): what a size's one large chunk set off has finished (loading the
 * Markdown parts and grammars, the first time; highlighting and typesetting what it brought, about 200 ms
 * at each size). A real answer spreads that work over its small chunks; measured chunks must not inherit
 * it. A single idle callback, as until 8 December, came within 20 ms, while the page went on working for
 * about 200 ms (a scratch log of idle deadlines). Gives up waiting after 10 s.
 */
const QUIET_PERIODS = 3;
const SETTLED = `new Promise((resolve) => {
  const started = performance.now();
  let quiet = 0;
  const check = (deadline) => {
    quiet = deadline.timeRemaining() >= 45 ? quiet + 1 : 0;
    if (quiet >= ${QUIET_PERIODS} || performance.now() - started > 10000) resolve();
    else requestIdleCallback(check);
  };
  requestIdleCallback(check);
})`;

async function busyMs(page: BarePage): Promise<{ task: number; styleLayout: number }> {
  const { metrics } = (await page.call('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? NaN) * 1_000;
  return { task: value('TaskDuration'), styleLayout: value('RecalcStyleDuration') + value('LayoutDuration') };
}

/** Sends a chunk and resolves with the main thread's busy time until it is painted. */
async function measureChunk(page: BarePage, send: () => unknown) {
  const changes = (await page.evaluate('window.streamProbe.changes')) as number;
  const before = await busyMs(page);
  await send();
  await page.evaluate(AFTER_CHANGE(changes));
  const after = await busyMs(page);
  return { task: after.task - before.task, styleLayout: after.styleLayout - before.styleLayout };
}

/** Pushes `content` through the local server, main and the bridge, as a model's chunk arrives. */
const pushChunk = (page: BarePage, server: PacedServer, content: string) => measureChunk(page, () => server.push(content));

/**
 * The floor, on the same page at the same size: a text node at the end of the answer's last
 * paragraph or list item (a tight list's items hold no paragraph), which the floor's chunks grow
 * straight in the DOM, with no bridge, React or Markdown. What the browser must do to show 20 more
 * characters there, plus the bench's own frames and probes.
 */
const FLOOR_START = `(() => {
  const blocks = [...document.querySelectorAll('[role="log"] article')].at(-1).querySelectorAll('p, li');
  window.streamFloor = [...blocks].at(-1).appendChild(document.createTextNode(''));
})()`;
/**
 * One floor chunk. `following`: the view is also kept at the end, as Parley keeps it while it
 * follows an answer; the plain floor lets the new text grow below the view.
 */
const floorChunk = (page: BarePage, content: string, following: boolean) =>
  measureChunk(page, () =>
    page.evaluate(
      `setTimeout(() => { window.streamFloor.data += ${JSON.stringify(content)};${following ? ` const log = document.querySelector('[role="log"]'); log.scrollTop = log.scrollHeight;` : ''} })`,
    ),
  );

/** One round's p50s: Parley's busy time per chunk and the two floors'. */
interface Round {
  parley: number;
  floor: number;
  floorFollowing: number;
}

interface SizeRow {
  size: number;
  /** Over all of the size's chunks, every round's. */
  task: { p50: number; p95: number };
  styleLayout: number;
  floor: number;
  floorFollowing: number;
  rounds: Round[];
  longTasks: number[];
}

/** Parley over a floor: the median of the rounds' differences, with the lowest and the highest. */
function overFloor(rounds: readonly Round[], floor: (round: Round) => number): { median: number; low: number; high: number } {
  const added = rounds.map((round) => round.parley - floor(round)).sort((a, b) => a - b);
  return { median: percentiles(added).p50, low: added[0] ?? NaN, high: added.at(-1) ?? NaN };
}

/** The two answers, one after the other: what each streams, and the question that asks for it. */
const SHAPES = [
  { label: 'a realistic answer (prose, lists, tables, code, math)', question: 'Write a long answer, please.', answer: sampleAnswer },
  { label: 'one numbered list (steps with bold, code and links, a nested point every fifth)', question: 'Now list the steps, please.', answer: listAnswer },
];

/** Sends `question` from the composer as a person does, and resolves once the server has been asked for the answer. */
async function ask(page: BarePage, server: PacedServer, question: string): Promise<void> {
  await page.evaluate(`document.querySelector('textarea.composer-input').focus()`);
  await page.call('Input.insertText', { text: question });
  await page.call('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  await page.call('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
  await server.answerAsked();
}

/** Streams `text` into the answer being asked for, measuring Parley and the floors at each size. */
async function streamAnswer(page: BarePage, server: PacedServer, text: string): Promise<SizeRow[]> {
  let sent = 0;
  const rows: SizeRow[] = [];
  for (const size of SIZES) {
    await pushChunk(page, server, text.slice(sent, size));
    sent = size;
    await page.evaluate(SETTLED);
    await page.evaluate('window.streamProbe.longTasks = []');
    const floorOf = async (following: boolean) => {
      await page.evaluate(FLOOR_START);
      const floor = [];
      for (let n = 0; n < CHUNKS_PER_ROUND; n++) floor.push((await floorChunk(page, text.slice(sent + n * CHUNK, sent + (n + 1) * CHUNK), following)).task);
      // Its text taken out is drawn before anything more is measured.
      await page.evaluate('window.streamFloor.remove()');
      await page.evaluate(SETTLED);
      return floor;
    };
    const samples = [];
    const floors: number[] = [];
    const floorsFollowing: number[] = [];
    const rounds: Round[] = [];
    const longTasks: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const parley = [];
      for (let n = 0; n < CHUNKS_PER_ROUND; n++) {
        parley.push(await pushChunk(page, server, text.slice(sent, sent + CHUNK)));
        sent += CHUNK;
      }
      longTasks.push(...((await page.evaluate('window.streamProbe.longTasks.splice(0)')) as number[]));
      const floor = await floorOf(false);
      const floorFollowing = await floorOf(true);
      samples.push(...parley);
      floors.push(...floor);
      floorsFollowing.push(...floorFollowing);
      rounds.push({ parley: percentiles(parley.map((sample) => sample.task)).p50, floor: percentiles(floor).p50, floorFollowing: percentiles(floorFollowing).p50 });
    }
    rows.push({
      size,
      task: percentiles(samples.map((sample) => sample.task)),
      styleLayout: percentiles(samples.map((sample) => sample.styleLayout)).p50,
      floor: percentiles(floors).p50,
      floorFollowing: percentiles(floorsFollowing).p50,
      rounds,
      longTasks,
    });
  }
  server.end();
  // The answer has ended once its article is no longer busy: the next question can be sent.
  await page.waitFor(`!document.querySelector('[role="log"] [aria-busy="true"]')`);
  return rows;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
/** A median over the rounds with its lowest and highest: how far one round's figure can be from another's. */
const spread = ({ median, low, high }: { median: number; low: number; high: number }) => `${ms(median)} (${low.toFixed(2)} to ${high.toFixed(2)})`;

function printShape(label: string, rows: readonly SizeRow[]): void {
  const at1k = rows[0]?.task.p50 ?? NaN;
  console.info(`\n${label}:\n`);
  printTable(
    ['answer length', 'Parley p50', 'p95', 'style + layout p50', 'floor p50', 'Parley − floor, rounds', 'floor following p50', 'Parley − floor following, rounds', 'vs 1k', 'long tasks > 50 ms'],
    rows.map((row) => [
      `${(row.size / 1000).toLocaleString('en')}k chars`,
      ms(row.task.p50),
      ms(row.task.p95),
      ms(row.styleLayout),
      ms(row.floor),
      spread(overFloor(row.rounds, (round) => round.floor)),
      ms(row.floorFollowing),
      spread(overFloor(row.rounds, (round) => round.floorFollowing)),
      `${(row.task.p50 / at1k).toFixed(2)}×`,
      row.longTasks.length === 0 ? 'none' : `${row.longTasks.length} (max ${Math.max(...row.longTasks).toFixed(0)} ms)`,
    ]),
  );
  const at100k = rows.at(-1);
  if (!at100k) return;
  const added = overFloor(at100k.rounds, (round) => round.floor).median;
  const ratio = at100k.task.p50 / at1k;
  const longTasks = rows.reduce((sum, row) => sum + row.longTasks.length, 0);
  console.info(
    `Goals (issue 16): at 100k, Parley over the floor ≤ ${GOALS.at100kMs} ms: ${ms(added)} ${added <= GOALS.at100kMs ? 'PASS' : 'FAIL'} ` +
      `(whole busy time ${ms(at100k.task.p50)}); 100k / 1k ≤ ${GOALS.ratio}: ${ratio.toFixed(2)}× ${ratio <= GOALS.ratio ? 'PASS' : 'FAIL'}; ` +
      `no long task while streaming: ${longTasks === 0 ? 'PASS' : `FAIL (${longTasks})`}.`,
  );
}

export async function runStreamingBench(): Promise<void> {
  console.info('\nStreaming on the app path (web mode in Chromium, a paced local server): starting…');
  const server = await startPacedServer();
  const dataDir = await seedDataFolder('parley-bench-streaming-', (store) => {
    const { id } = store.createConversation({ title: TITLE, model: PACED_MODEL, systemPrompt: '', params: {} });
    store.addUserMessage(id, { content: 'Hello', model: PACED_MODEL, params: {} });
  });
  const web = await startWebMode({ dataDir, staticDir: path.resolve('dist/renderer'), baseURL: server.baseURL, envKey: 'bench-key', modelCatalogOrigin: server.origin });
  const page = await openBarePage(web.url, { width: 1280, height: 800 });
  try {
    await page.call('Performance.enable');
    const conversationButton = `document.querySelector('nav button.conversation-button[title=${JSON.stringify(TITLE)}]')`;
    await page.waitFor(conversationButton);
    await clickAt(page, conversationButton);
    await page.waitFor(`document.querySelector('[role="log"] article[aria-label="You"]')`);
    await page.evaluate(PROBE);
    const results = [];
    for (const shape of SHAPES) {
      await ask(page, server, shape.question);
      results.push({ label: shape.label, rows: await streamAnswer(page, server, shape.answer(Math.max(...SIZES) + CHUNK * CHUNKS * SIZES.length)) });
    }
    console.info(
      `\nPer ${CHUNK}-character chunk, ${CHUNKS} chunks at each size in ${ROUNDS} rounds of ${CHUNKS_PER_ROUND}: the renderer main thread's busy time from the push until the page, once changed, is idle again (1280×800), ` +
        `load average ${loadavg()[0]?.toFixed(1)}. Floor: the same measurement of chunks appended straight to the end of the answer's last paragraph or list item in the DOM, ${CHUNKS_PER_ROUND} after Parley's in each round; ` +
        `following, the floor that also keeps the view at the end, as Parley does while it follows the answer. Parley − floor: the median of the rounds' differences of p50s (the lowest and highest in brackets).`,
    );
    for (const { label, rows } of results) printShape(label, rows);
  } finally {
    await page.close();
    await web.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runStreamingBench();
