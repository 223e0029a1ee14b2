/**
 * One import path of the ChatGPT import bench, alone in a fresh process so its peak memory is its
 * own (in `npm run bench`'s process the benches before it have already raised the peak).
 * Usage: importChild.ts <streamed|whole> <conversations.json> <dataDir>; prints one JSON line.
 */
import { open, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { chatgptToConversations } from '../../main/export/chatgptImport';
import { createChatGptImportJobs } from '../../main/export/chatgptImportJobs';
import { openHistory } from '../../main/history/openHistory';

export interface ImportChildResult {
  imported: number;
  ms: number;
  /** The process's peak resident memory, and its resident memory before the import began. */
  peakBytes: number;
  startBytes: number;
}

const PIECE = 4 * 1024 * 1024;

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

const [path, file, dataDir] = process.argv.slice(2);
if ((path !== 'streamed' && path !== 'whole') || !file || !dataDir) throw new Error('usage: importChild.ts <streamed|whole> <file> <dataDir>');
const startBytes = process.memoryUsage.rss();
const start = performance.now();
const imported = await (path === 'streamed' ? streamed : whole)(file, dataDir);
const result: ImportChildResult = { imported, ms: performance.now() - start, peakBytes: process.resourceUsage().maxRSS * 1024, startBytes };
console.info(JSON.stringify(result));
