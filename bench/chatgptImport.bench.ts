/**
 * Importing a large ChatGPT export: a 60 MB `conversations.json` in the real shapes, read in
 * 4 MiB pieces and stored in batches (the app's way), against the same file read whole,
 * parsed whole and stored in one transaction (the way a file within the one-call limit goes),
 * both into a real history file. Prints time and the process's peak memory (max RSS) after each;
 * the streamed run goes first, so the whole-file run's peak is its own. Not a pass/fail test.
 * Runs with `npm run bench`, or alone: `npx tsx bench/chatgptImport.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chatgptToConversations } from '../main/export/chatgptImport';
import { createChatGptImportJobs } from '../main/export/chatgptImportJobs';
import { openHistory } from '../main/history/openHistory';
import { writeLargeChatgptExport } from './fixtures/largeChatgptExport';
import { mb, printTable } from './report';

const FILE_BYTES = 60 * 1024 * 1024;
const PIECE = 4 * 1024 * 1024;

const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

async function streamed(file: string, dataDir: string): Promise<number> {
  const { store } = await openHistory({ dataDir });
  const jobs = createChatGptImportJobs(store.importConversations);
  const jobId = jobs.begin('conversations.json', 'skip');
  const handle = await open(file);
  const buffer = Buffer.alloc(PIECE);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, PIECE, null);
    if (bytesRead === 0) break;
    jobs.chunk(jobId, buffer.subarray(0, bytesRead).toString('base64'));
  }
  await handle.close();
  const imported = jobs.finish(jobId).imported.length;
  store.close();
  return imported;
}

async function whole(file: string, dataDir: string): Promise<number> {
  const { store } = await openHistory({ dataDir });
  const { conversations } = chatgptToConversations(await readFile(file, 'utf8'));
  store.importConversations(conversations, 'skip');
  store.close();
  return conversations.length;
}

export async function runChatgptImportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-chatgpt-'));
  try {
    const file = join(dir, 'conversations.json');
    const { conversations, bytes } = await writeLargeChatgptExport(file, FILE_BYTES);
    const before = peakRss();
    const rows: string[][] = [];
    const results: { ms: number; peak: number }[] = [];
    for (const [name, run] of [['streamed, 4 MiB pieces, batches of 50', streamed], ['whole file, one transaction (baseline)', whole]] as const) {
      const start = performance.now();
      const imported = await run(file, join(dir, name.split(',')[0] ?? name));
      const elapsed = performance.now() - start;
      results.push({ ms: elapsed, peak: peakRss() });
      rows.push([name, String(imported), `${(elapsed / 1000).toFixed(1)} s`, mb(peakRss()), mb(peakRss() - before)]);
    }
    const [stream, baseline] = results;
    if (stream && baseline) rows.push(['ratio streamed / baseline', '', (stream.ms / baseline.ms).toFixed(2), '', ((stream.peak - before) / Math.max(1, baseline.peak - before)).toFixed(2)]);
    console.info(`\nChatGPT import: ${conversations.toLocaleString('en')} conversations, ${mb(bytes)} (${process.version})`);
    printTable(['path', 'imported', 'time', 'peak RSS', 'peak above start'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runChatgptImportBench();
