/**
 * The long-conversation goal with branches (issue 19): a 1,000-message conversation with 50 branch
 * points (25 regenerated answers, 25 edited questions, each old version keeping a turn after it)
 * opened beside the same 1,000 messages without branches, in the same run. On the real app path:
 * seeded through the real store into a real SQLite file, web mode, Chromium (not driven by
 * Playwright, see bareChromium.ts), a click in the
 * sidebar timed to the painted frame in which the visible part is rendered. Also main's own read
 * of each conversation (what the bridge then sends), and the DOM once it has settled.
 *
 * Medians (`--quick`: 3 runs, else 9). Not a pass/fail test: `npm test` never fails on speed.
 * Alone: `npx tsx bench/branches.bench.ts [--quick]` (after `npm run build`).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HistoryStore } from '../main/history/historyStore';
import { startWebMode } from '../main/web/startWebMode';
import { openConversation, seedDataFolder } from './appOpen';
import { openBarePage, type BarePage } from './bareChromium';
import { sampleAnswer } from './markdown/sampleAnswer';
import { QUICK } from './options';
import { ms, printTable, time } from './report';

const RUNS = QUICK ? 3 : 9;
const MESSAGES = 1_000;
const BRANCH_POINTS = 50;
const PLAIN = 'Without branches';
const BRANCHED = 'With 50 branch points';
const SHORT = 'A short conversation';
/** Each conversation's last answer ends under its own heading, so an open is told from the one before. */
const ENDING = 'The end of ';
/** Time for lazy parts (code highlighting, KaTeX fonts) and measured rows to settle before counting the DOM. */
const SETTLE_MS = 1_000;
const DONE = { status: 'complete', usage: { promptTokens: 50, completionTokens: 400, totalTokens: 450 }, finishReason: 'stop', error: null, firstTokenMs: 300, durationMs: 4_000 } as const;
const MODEL = { model: 'bench/model', params: {} };

const answers = sampleAnswer(4_000);
const question = (turn: number) => `Question ${turn + 1}: how does step ${turn} work?`;
/**
 * Markdown answers of varied length, the same in both conversations; the last one is its
 * conversation's own heading (a cut answer may end inside a code block, which would swallow it).
 */
const answer = (turn: number, turns: number, title: string) =>
  turn === turns - 1 ? `## ${ENDING}${title}\n\nThat is all, **step by step**.` : answers.slice(0, 300 + ((turn * 997) % 3_000));

function answered(writer: ReturnType<HistoryStore['startAnswer']>, content: string): string {
  writer.append({ content });
  return writer.finish(DONE).id;
}

/**
 * `messages` messages in turns; with `branchPoints`, that many turns spread evenly are branch points:
 * the old version (an answer regenerated, or a question edited) keeps a turn after it, hidden.
 */
function seedConversation(store: HistoryStore, title: string, messages: number, branchPoints = 0): string {
  const { id } = store.createConversation({ title, model: MODEL.model, systemPrompt: '', params: {} });
  const turns = messages / 2;
  const every = branchPoints ? Math.floor(turns / branchPoints) : 0;
  for (let turn = 0; turn < turns; turn++) {
    const branchPoint = every > 0 && turn % every === every - 1 ? turn / every : null;
    const asked = store.addUserMessage(id, { content: question(turn), ...MODEL });
    if (branchPoint === null) {
      answered(store.startAnswer(id, MODEL), answer(turn, turns, title));
      continue;
    }
    const old = answered(store.startAnswer(id, MODEL), `An earlier answer to question ${turn + 1}.`);
    store.addUserMessage(id, { content: 'And then?', ...MODEL });
    answered(store.startAnswer(id, MODEL), 'A turn on the earlier branch.');
    if (branchPoint % 2 === 0) {
      answered(store.regenerateAnswer(id, old, MODEL), answer(turn, turns, title));
    } else {
      store.editUserMessage(id, asked.id, { content: question(turn), ...MODEL });
      answered(store.startAnswer(id, MODEL), answer(turn, turns, title));
    }
  }
  return id;
}

/** The store's read of a conversation, as `history:get` makes it; checks the seed before timing. */
function readTime(store: HistoryStore, id: string, branchPoints: number) {
  const shown = store.getConversation(id)?.messages ?? [];
  const switchers = shown.filter((message) => message.siblings).length;
  if (shown.length !== MESSAGES || switchers !== branchPoints) throw new Error(`Seeded ${shown.length} messages with ${switchers} branch points`);
  return time(RUNS * 5, () => store.getConversation(id));
}

/** What the page holds once the open conversation has settled. */
async function domCounts(page: BarePage) {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return (await page.evaluate(`({
    elements: document.querySelectorAll('*').length,
    messages: document.querySelectorAll('[role="log"] article').length,
    switchers: document.querySelectorAll('[role="log"] [role="group"][aria-label="Versions"]').length,
  })`)) as { elements: number; messages: number; switchers: number };
}

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN;

export async function runBranchesBench(): Promise<void> {
  console.info(`\nLong conversations with branches: seeding ${MESSAGES.toLocaleString('en')} messages twice and starting Chromium…`);
  const reads: Record<string, { p50: number }> = {};
  const dataDir = await seedDataFolder('parley-bench-branches-', (store) => {
    seedConversation(store, SHORT, 10);
    const plain = seedConversation(store, PLAIN, MESSAGES);
    const branched = seedConversation(store, BRANCHED, MESSAGES, BRANCH_POINTS);
    reads[PLAIN] = readTime(store, plain, 0);
    reads[BRANCHED] = readTime(store, branched, BRANCH_POINTS);
  });
  const server = await startWebMode({ dataDir, staticDir: path.resolve('dist/renderer'), envKey: 'bench-key' });
  // Not Playwright: its copy of each WebSocket frame would add ~50 ms to every long open (bareChromium.ts).
  const page = await openBarePage(server.url, { width: 1280, height: 800 }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    await page.waitFor(`document.querySelector('nav button.conversation-button[title=${JSON.stringify(SHORT)}]')`);
    const open = (title: string) => openConversation(page, title, `${ENDING}${title}`);
    // Warm-up: JIT, the Markdown renderer, KaTeX, the code grammar.
    for (const title of [PLAIN, BRANCHED, SHORT]) await open(title);

    // Each long open starts from the short conversation, alternating, so load drifts hit both alike.
    const samples: Record<string, number[]> = { [PLAIN]: [], [BRANCHED]: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const title of [PLAIN, BRANCHED]) {
        await open(SHORT);
        samples[title]?.push(await open(title));
      }
    }
    const rows = [];
    for (const title of [PLAIN, BRANCHED]) {
      await open(title);
      rows.push({ title, open: median(samples[title] ?? []), max: Math.max(...(samples[title] ?? [])), read: reads[title]?.p50 ?? NaN, ...(await domCounts(page)) });
    }
    const [plain, branched] = rows;
    if (!plain || !branched) throw new Error('A conversation was not measured');

    console.info(`Open: click in the sidebar to the painted frame showing the visible part rendered, median of ${RUNS} (web mode, Chromium with no Playwright attached, 1280×800). Read: main's getConversation, p50. DOM after 1 s to settle.\n`);
    printTable(
      ['1,000 messages', 'open p50', 'open max', 'vs without', 'main read p50', 'vs without', 'DOM elements', 'messages in DOM', 'switchers in DOM'],
      rows.map((row) => [
        row.title,
        ms(row.open),
        ms(row.max),
        row === plain ? 'baseline' : `${(row.open / plain.open).toFixed(2)}×`,
        ms(row.read),
        row === plain ? 'baseline' : `${(row.read / plain.read).toFixed(2)}×`,
        row.elements.toLocaleString('en'),
        String(row.messages),
        String(row.switchers),
      ]),
    );
    console.info('Goals (issues 4 and 19): open ≤ 150 ms and ≤ 2,000 DOM elements at any length, with branches as without.');
  } finally {
    await page.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBranchesBench();
