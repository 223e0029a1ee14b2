/**
 * History benchmark: seeds 10,000 conversations / 200,000 messages of varied text through the
 * real store, then times what the sidebar does (search has its own, search.bench.ts). Prints a
 * table; not a pass/fail test.
 * Each timing is compared with a baseline measured in the same run: reading one conversation
 * row by its primary key, the cheapest query there is.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../main/history/database';
import type { Db } from '../main/history/database';
import { backupDir, historyPath } from '../main/history/historyFiles';
import { createHistoryStore } from '../main/history/historyStore';
import type { HistoryStore } from '../main/history/historyStore';
import { migrate } from '../main/history/migrate';
import { openHistory } from '../main/history/openHistory';
import { spread, timeTurnCommits } from './history/turnCommits';
import { prng } from './random';
import { mb, ms, printTable, time, timeAsync, type Timing } from './report';
import { measureSidebarReady } from './sidebarReady';

const CONVERSATIONS = 10_000;
const MESSAGES = 200_000;
const LONG_CONVERSATION = 1_000;

const WORDS = (
  'the of and to in is that for it as with was on be by this are or from at an have not but which can you your ' +
  'function return value array object string number error request response model token stream answer question ' +
  'database index query table migration backup search result page window render state component prop effect ' +
  'python typescript rust golang kotlin swift server client network latency memory cache thread process signal ' +
  'recipe garden travel weather history music painting mountain river ocean forest city village market ' +
  'because however therefore although meanwhile perhaps usually quickly carefully probably certainly ' +
  'café naïve résumé über straße crème brûlée 東京 天気 日本語 中文 검색 мир привет مرحبا שלום 🚀 ✅ 🙂'
).split(' ');

function sentenceMaker(random: () => number): (words: number) => string {
  const pick = (): string => WORDS[Math.floor(random() ** 1.6 * WORDS.length)] ?? 'the'; // skewed: common words are common
  return (words) => {
    const out: string[] = [];
    for (let n = 0; n < words; n++) out.push(pick());
    const text = out.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
}

interface Seeded {
  rawBytes: number;
  longConversationId: string;
  someConversationId: string;
  seedMs: number;
}

/** Seeds through the store's own API, in one outer transaction (each call becomes a savepoint). */
function seed(store: HistoryStore, db: Db, clock: { time: number }): Seeded {
  const random = prng(42);
  const sentence = sentenceMaker(random);
  const paragraph = (): string => Array.from({ length: 1 + Math.floor(random() * 6) }, () => sentence(4 + Math.floor(random() * 18))).join(' ');
  let rawBytes = 0;
  let longConversationId = '';
  const started = performance.now();
  let written = 0;
  db.transaction(() => {
    for (let n = 0; n < CONVERSATIONS; n++) {
      clock.time += Math.floor(random() * 6 * 60_000);
      const title = sentence(2 + Math.floor(random() * 5));
      rawBytes += Buffer.byteLength(title);
      const { id } = store.createConversation({ title, model: 'model-a', systemPrompt: '', params: { temperature: 0.7 } });
      if (n === 0) longConversationId = id;
      const remaining = MESSAGES - written - (n === 0 ? 0 : LONG_CONVERSATION);
      const pairs = n === 0 ? LONG_CONVERSATION / 2 : Math.max(1, Math.round(remaining / (CONVERSATIONS - n) / 2));
      for (let pair = 0; pair < pairs && written < MESSAGES; pair++) {
        const question = paragraph();
        const answer = Array.from({ length: 1 + Math.floor(random() * 4) }, paragraph).join('\n\n');
        rawBytes += Buffer.byteLength(question) + Buffer.byteLength(answer);
        clock.time += 1000;
        store.addUserMessage(id, { content: question, model: 'model-a', params: {} });
        const writer = store.startAnswer(id, { model: 'model-a', params: {} });
        writer.append({ content: answer });
        writer.finish({ status: 'complete', usage: { promptTokens: 20, completionTokens: 200, totalTokens: 220 }, finishReason: 'stop', error: null, firstTokenMs: 300, durationMs: 4000 });
        written += 2;
      }
    }
  })();
  return { rawBytes, longConversationId, someConversationId: longConversationId, seedMs: performance.now() - started };
}

export async function runHistoryBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const clock = { time: Date.UTC(2023, 0, 1) };
    const file = historyPath(dataDir);
    const db = openDatabase(file);
    await migrate(db, { backupDir: backupDir(dataDir), now: () => clock.time });
    const store = createHistoryStore(db, { now: () => clock.time });
    console.info(`Seeding ${CONVERSATIONS.toLocaleString('en')} conversations / ${MESSAGES.toLocaleString('en')} messages…`);
    const seeded = seed(store, db, clock);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(file).size;
    const ids = db.prepare('SELECT id FROM conversations').pluck().all() as string[];
    const ftsBytes = db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%_fts%'").pluck().get() as number | null;

    const baseline = time(2000, (run) => db.prepare('SELECT * FROM conversations WHERE id = ?').get(ids[run % ids.length]));
    const rows: [string, Timing][] = [
      ['baseline: one conversation row by primary key', baseline],
      ['list first page (50 conversations)', time(200, () => store.listConversations({ limit: 50 }))],
      ['list page 100 (offset 4,950)', time(100, () => store.listConversations({ limit: 50, offset: 4950 }))],
      [`open a ${LONG_CONVERSATION.toLocaleString('en')}-message conversation`, time(50, () => store.getConversation(seeded.longConversationId))],
      ['addUserMessage (durable commit, fsync)', time(50, () => store.addUserMessage(seeded.someConversationId, { content: 'one more question', model: 'model-a', params: {} }))],
    ];
    store.close();
    const startUp = await timeAsync(5, async () => (await openHistory({ dataDir, now: () => clock.time })).store.close());
    rows.push(['start-up: openHistory (probe, migrate, purge, recover)', startUp]);
    if (existsSync('dist/renderer/index.html')) {
      const { pageParsed, sidebarReady } = await measureSidebarReady(dataDir, 5);
      rows.push(['web mode: page parsed in Chromium (DOMContentLoaded)', pageParsed]);
      rows.push(['web mode: start-up to sidebar ready (first rows shown)', sidebarReady]);
    } else {
      console.info('Sidebar-ready not measured: run `npm run build` first.');
    }

    console.info(`\nSeeded in ${(seeded.seedMs / 1000).toFixed(1)} s (one transaction, through the store API).`);
    console.info(`Raw text ${mb(seeded.rawBytes)}; database ${mb(dbBytes)} (${(dbBytes / seeded.rawBytes).toFixed(2)}× the text), of which the trigram index ${mb(ftsBytes ?? 0)}.\n`);
    printTable(['operation', 'p50', 'p95', 'p50 / baseline'], rows.map(([name, { p50, p95 }]) => [name, ms(p50), ms(p95), `${(p50 / baseline.p50).toFixed(0)}×`]));
    const turns = await timeTurnCommits();
    console.info(`\nA chat turn's writes to the search index, ${turns.turns} turns one after another on two copies of a history of ${turns.seeded.toLocaleString('en')} messages:`);
    console.info(`the index merged when the app is idle, in a pause to read every 10 turns (Parley), and merged inside the writes (FTS5's own way).\n`);
    const maxRatio = (mine: number[], theirs: number[]) => `${(Math.max(...theirs) / Math.max(...mine)).toFixed(1)}×`;
    printTable(
      ['write', 'Parley p50 / p95 / max', 'merged in writes p50 / p95 / max', 'max: merged in writes / Parley'],
      [
        ['the question\'s commit (before its request)', spread(turns.parley.question), spread(turns.fts5.question), maxRatio(turns.parley.question, turns.fts5.question)],
        ['the answer\'s end', spread(turns.parley.answerEnd), spread(turns.fts5.answerEnd), maxRatio(turns.parley.answerEnd, turns.fts5.answerEnd)],
        ['a merge step in a pause (a task each)', spread(turns.parley.idleSteps), '', ''],
      ],
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runHistoryBench();
