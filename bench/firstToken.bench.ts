/**
 * Time to first token on the real app path (issue 16): web mode in Chromium, the real bridge, main's
 * real send path (the question saved in a real SQLite history) in a process of its own, against a
 * local server that streams (firstToken/streamServer.ts). The baseline, in the same run and against the same server, is a
 * direct call with the OpenAI SDK; app and SDK sends alternate, so load hits both alike.
 *
 * Three spans (the SDK's from its call):
 * - in the page: from Enter to the chat frame leaving for main;
 * - in main: from that frame to main writing the request to its socket (the SDK: its call to the same), as
 *   undici reports it (firstToken/requestsWritten.ts), in two parts: the frame's way to main (the page's
 *   socket, the browser, main picking it up) and main's own work from the frame read to the request written;
 *   and, for reference, to the request reaching the server;
 * - from Enter to the first token painted: the start of the frame that paints it (the SDK: its first chunk).
 * And where the last one goes in the page: Enter to the first token's frame from main received (the
 * SDK: its first chunk), that frame to the token's text in the page, that text to the frame that paints it,
 * and that frame's own work (style, layout, paint): work moved out of the task that draws the text lands there.
 *
 * Prints p50/p95 of the app's time minus the SDK's, send by send, against the goals, with PASS/FAIL,
 * for a server that answers at once, one that takes a moment to its first token, and the same with a
 * person's pause to read between questions (ROUNDS).
 * Not a test: `npm test` never fails on speed. Alone: `npx tsx bench/firstToken.bench.ts [--quick]`
 * (needs `npm run build`).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import type { Page } from 'playwright-core';
import { createInterface } from 'node:readline';
import { watchChatRequestsWritten } from './firstToken/requestsWritten';
import { BENCH_MODEL, replyTo, startStreamServer, type StreamServer } from './firstToken/streamServer';
import { launchChromium } from './markdown/launchChromium';
import { QUICK } from './options';
import { ms, percentiles, printTable } from './report';

const SENDS = QUICK ? 20 : 40;
const WARM_UP_SENDS = 3;
const READING_MS = 500;
const GOALS = { inMainMs: 5, firstTokenMs: 20 };
interface Round {
  thinkMs: number;
  label: string;
  /** The pause before each send; READING_MS when absent. */
  readingMs?: number;
  sends: number;
  warmUpSends: number;
}
/**
 * Three rounds of sends. A server that answers at once makes the answer's first token race the page's
 * own drawing of the question it just sent, which no hosted model's answer does: it comes after the
 * model has read the prompt. The second round's server takes a moment to its first token, so it
 * shows what a person waits for once that token reaches the window. The third reads each answer for
 * longer than Node's fetch keeps an idle connection (4 s), as people do: the SDK's call opens a new
 * one, Parley's send finds its connection still open (main/chat/keptAliveFetch.ts). On 127.0.0.1 that
 * saves only a local connect; to a remote server, a TCP and a TLS handshake.
 */
const ROUNDS: readonly Round[] = [
  { thinkMs: 0, label: 'a server that answers at once', sends: SENDS, warmUpSends: WARM_UP_SENDS },
  { thinkMs: 100, label: 'a server that takes 100 ms to its first token', sends: SENDS, warmUpSends: WARM_UP_SENDS },
  { thinkMs: 100, readingMs: 5_000, label: 'the same server, each answer read for 5 s before the next question', sends: QUICK ? 4 : 8, warmUpSends: 1 },
];

/** Page-side probe, as a plain script: Enter's time, when the chat frame leaves the page, and the frame that first shows `expected`. */
const PROBE = `
window.firstTokenProbe = { question: '', expected: '', sentAt: 0, leftAt: 0, receivedAt: 0, shownAt: 0, paintedAt: 0, renderedAt: 0 };
// Resolves once the current probe's painting frame has done its work: waited on without polling the page.
let announceRendered = () => {};
window.whenFirstTokenRendered = () => new Promise((resolve, reject) => {
  announceRendered = resolve;
  if (window.firstTokenProbe.renderedAt > 0) resolve();
  setTimeout(() => reject(new Error('The first token was not painted within 30 s')), 30000);
});
// Each socket the page opens hears its messages here first, before the app's own listener.
const PageSocket = WebSocket;
window.WebSocket = function (...args) {
  const socket = new PageSocket(...args);
  socket.addEventListener('message', (event) => {
    const probe = window.firstTokenProbe;
    if (probe.expected && probe.receivedAt === 0 && typeof event.data === 'string' && event.data.includes(probe.expected)) {
      probe.receivedAt = performance.timeOrigin + performance.now();
    }
  });
  return socket;
};
Object.assign(window.WebSocket, { prototype: PageSocket.prototype, CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
const sendFrame = WebSocket.prototype.send;
WebSocket.prototype.send = function (data) {
  const probe = window.firstTokenProbe;
  if (probe.question && probe.leftAt === 0 && typeof data === 'string' && data.includes('"kind":"chat"') && data.includes(JSON.stringify(probe.question))) {
    probe.leftAt = performance.timeOrigin + performance.now();
  }
  return sendFrame.call(this, data);
};
addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) window.firstTokenProbe.sentAt = performance.timeOrigin + performance.now();
}, true);
new MutationObserver(() => {
  const probe = window.firstTokenProbe;
  if (!probe.expected || probe.paintedAt !== 0) return;
  const log = document.querySelector('[role="log"]');
  if (!log || !log.textContent.includes(probe.expected)) return;
  probe.paintedAt = -1;
  probe.shownAt = performance.timeOrigin + performance.now();
  requestAnimationFrame(() => {
    probe.paintedAt = performance.timeOrigin + performance.now();
    // A task posted from the frame runs once the frame's own work (style, layout, paint) is done.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      probe.renderedAt = performance.timeOrigin + performance.now();
      announceRendered();
    };
    channel.port2.postMessage(null);
  });
}).observe(document, { subtree: true, childList: true, characterData: true });
`;

interface Probe {
  question: string;
  expected: string;
  sentAt: number;
  leftAt: number;
  receivedAt: number;
  shownAt: number;
  paintedAt: number;
  renderedAt: number;
}

/** Milliseconds; the SDK has no page, so its `inPage`, `toMain`, `toText`, `toPaint` and `rendering` are 0, and its `inMain`, `mainWork`, `atServer` and `received` run from its call. */
interface Sample {
  inPage: number;
  /** To the request written to the socket: what leaves the process. */
  inMain: number;
  /** Of `inMain`, the chat frame's way from the page until main has read it. */
  toMain: number;
  /** Of `inMain`, main's own work: from the frame read to the request written (the SDK: its whole `inMain`). */
  mainWork: number;
  /** To the request at the server, which also counts the server's process picking it up. */
  atServer: number;
  received: number;
  toText: number;
  toPaint: number;
  /** The painting frame's own work, from its start: what the page does before the token is on screen. */
  rendering: number;
  firstToken: number;
}

/** The spans only the app has: the SDK's column is empty for them. */
const APP_ONLY: readonly (keyof Sample)[] = ['inPage', 'toMain', 'toText', 'toPaint', 'rendering'];

/** Requests written this long before a frame left the page still count as its own: the two processes' clocks agree to less. */
const CLOCK_SLACK_MS = 2;

/** The first time in `times` at or after `from`. */
const firstFrom = (times: readonly number[], from: number): number => times.find((at) => at >= from - CLOCK_SLACK_MS) ?? NaN;

interface WebModeChild {
  url: string;
  /** When main read the first chat frame at or after `from` (epoch ms). */
  readFrom(from: number): number;
  /** When main wrote the first chat request at or after `from` (epoch ms). */
  writtenFrom(from: number): number;
  stop(): Promise<void>;
}

/** Parley in web mode in its own process (firstToken/webModeChild.ts), as main has its own in the app. */
async function startWebModeChild(dataDir: string, server: StreamServer): Promise<WebModeChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'firstToken', 'webModeChild.ts'), dataDir, server.baseURL, server.origin], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  // Its first line is the page's URL; nothing is written before a question is sent.
  const url = await new Promise<string>((resolve) => {
    lines.once('line', (line) => resolve(line.trim()));
    lines.once('close', () => resolve(''));
  });
  if (!url.startsWith('http')) throw new Error(`Web mode did not start: ${url}`);
  const read: number[] = [];
  const written: number[] = [];
  lines.on('line', (line) => {
    const [kind, at] = line.split(' ');
    if (kind === 'read') read.push(Number(at));
    if (kind === 'written') written.push(Number(at));
  });
  return {
    url,
    readFrom: (from) => firstFrom(read, from),
    writtenFrom: (from) => firstFrom(written, from),
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** When this process wrote its chat requests (the SDK's), on the server's clock. */
const sdkWritten: number[] = [];

async function sdkSend(client: OpenAI, server: StreamServer, question: string): Promise<Sample> {
  const start = server.now();
  let firstAt = NaN;
  const stream = await client.chat.completions.create({ model: BENCH_MODEL, messages: [{ role: 'user', content: question }], stream: true });
  for await (const chunk of stream) {
    if (Number.isNaN(firstAt) && chunk.choices[0]?.delta.content) firstAt = server.now();
  }
  const arrived = (server.arrivedAt(question) ?? NaN) - start;
  const inMain = firstFrom(sdkWritten, start) - start;
  return { inPage: 0, inMain, toMain: 0, mainWork: inMain, atServer: arrived, received: firstAt - start, toText: 0, toPaint: 0, rendering: 0, firstToken: firstAt - start };
}

async function appSend(page: Page, server: StreamServer, web: WebModeChild, question: string): Promise<Sample> {
  await page.evaluate((fresh) => {
    (window as unknown as { firstTokenProbe: Probe }).firstTokenProbe = fresh;
  }, { question, expected: replyTo(question), sentAt: 0, leftAt: 0, receivedAt: 0, shownAt: 0, paintedAt: 0, renderedAt: 0 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  // Not polled each frame: a poll would keep the page drawing frames, and the token's frame would then wait for the
  // next one, as in a window that animates; an idle window starts a frame as soon as something changes.
  await page.evaluate(() => (window as unknown as { whenFirstTokenRendered(): Promise<void> }).whenFirstTokenRendered());
  const probe = await page.evaluate(() => (window as unknown as { firstTokenProbe: Probe }).firstTokenProbe);
  // The answer has ended once its article is no longer busy.
  await page.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' }).last().and(page.locator(':not([aria-busy="true"])')).waitFor();
  const read = web.readFrom(probe.leftAt);
  const written = web.writtenFrom(probe.leftAt);
  return {
    inPage: probe.leftAt - probe.sentAt,
    inMain: written - probe.leftAt,
    toMain: read - probe.leftAt,
    mainWork: written - read,
    atServer: (server.arrivedAt(question) ?? NaN) - probe.leftAt,
    received: probe.receivedAt - probe.sentAt,
    toText: probe.shownAt - probe.receivedAt,
    toPaint: probe.paintedAt - probe.shownAt,
    rendering: probe.renderedAt - probe.paintedAt,
    firstToken: probe.paintedAt - probe.sentAt,
  };
}

/** Each question is new, so the page tells its answer's first token from every earlier one. */
let nextQuestion = 0;

/** Sends alternately from the SDK and from the page, as a person does with a pause to read between answers. */
async function sendRound(page: Page, client: OpenAI, server: StreamServer, web: WebModeChild, round: Round): Promise<{ app: Sample[]; sdk: Sample[]; first: { app: Sample; sdk: Sample } }> {
  const app: Sample[] = [];
  const sdk: Sample[] = [];
  let first: { app: Sample; sdk: Sample } | undefined;
  for (let send = 0; send < round.warmUpSends + round.sends; send++) {
    // As a person reads the answer before the next question: what the last one set off in main and the page settles.
    await page.waitForTimeout(round.readingMs ?? READING_MS);
    const question = nextQuestion++;
    const sdkSample = await sdkSend(client, server, `Question ${100_000 + question}`);
    const appSample = await appSend(page, server, web, `Question ${question}`);
    first ??= { app: appSample, sdk: sdkSample };
    if (send < round.warmUpSends) continue;
    sdk.push(sdkSample);
    app.push(appSample);
  }
  if (!first) throw new Error('no send');
  return { app, sdk, first };
}

/** A difference with its sign: one send each can come out either way. */
const signedMs = (value: number): string => `${value < 0 ? '−' : '+'}${ms(Math.abs(value))}`;

/** What a person feels on the first question after starting Parley: one send each, before any warm-up send. */
function printFirstSend({ app, sdk }: { app: Sample; sdk: Sample }): void {
  console.info(
    `\nThe first send after start (one each, not warmed up), main: frame → request written: ${ms(app.inMain)} ` +
      `(the SDK's first call: ${ms(sdk.inMain)}, ${signedMs(app.inMain - sdk.inMain)}); Enter → first token painted ${ms(app.firstToken)}.`,
  );
}

function printRound(round: Round, { app, sdk }: { app: Sample[]; sdk: Sample[] }): void {
  const timing = (samples: Sample[], key: keyof Sample): string => {
    const { p50, p95 } = percentiles(samples.map((sample) => sample[key]));
    return `${ms(p50)} / ${ms(p95)}`;
  };
  const row = (moment: string, key: keyof Sample, goalMs: number | null): string[] => {
    const added = percentiles(app.map((sample, n) => sample[key] - (sdk[n]?.[key] ?? NaN)));
    const verdict = goalMs === null ? '' : added.p95 <= goalMs ? 'PASS' : 'FAIL';
    return [moment, APP_ONLY.includes(key) ? '' : timing(sdk, key), timing(app, key), `${signedMs(added.p50)} / ${signedMs(added.p95)}`, goalMs === null ? '' : `≤ +${goalMs} ms p95`, verdict];
  };
  console.info(`\n${round.label}: ${round.sends} sends after ${round.warmUpSends} to warm up, load average ${loadavg()[0]?.toFixed(1)}. p50 / p95.\n`);
  printTable(
    ['moment', 'direct SDK call', 'Parley (web mode)', 'Parley − SDK, send by send', 'goal', 'result'],
    [
      row('page: Enter → chat frame sent', 'inPage', null),
      row('main: frame → request written to its socket', 'inMain', GOALS.inMainMs),
      row('  of which: the frame\'s way until main has read it', 'toMain', null),
      row('  then: main\'s own work until the request is written (SDK: its call)', 'mainWork', null),
      row('  for reference: frame → request at the server', 'atServer', null),
      row('Enter → first token painted (SDK: first chunk)', 'firstToken', GOALS.firstTokenMs),
      row('  of which: Enter → its frame from main received (SDK: first chunk)', 'received', null),
      row('  then: that frame → its text in the page', 'toText', null),
      row('  then: its text → the frame that paints it', 'toPaint', null),
      row('  and that frame\'s own work (style, layout, paint)', 'rendering', null),
    ],
  );
}

export async function runFirstTokenBench(): Promise<void> {
  console.info('\nTime to first token (web mode in Chromium vs a direct SDK call): starting…');
  const server = await startStreamServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-first-token-'));
  const web = await startWebModeChild(dataDir, server);
  const browser = await launchChromium();
  const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'bench-key' });
  // This process writes only the SDK's requests: the app's are main's, in the web-mode child.
  const stopWatching = watchChatRequestsWritten(() => sdkWritten.push(server.now()));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(PROBE);
    await page.goto(web.url);
    const picker = page.getByRole('combobox', { name: 'Model' });
    await picker.click();
    await picker.fill(BENCH_MODEL);
    await page.getByRole('option', { name: BENCH_MODEL, exact: true }).click();

    for (const [index, round] of ROUNDS.entries()) {
      server.thinkMs = round.thinkMs;
      const sent = await sendRound(page, client, server, web, round);
      printRound(round, sent);
      if (index === 0) printFirstSend(sent.first);
    }
  } finally {
    stopWatching();
    await browser.close();
    await web.stop();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runFirstTokenBench();
