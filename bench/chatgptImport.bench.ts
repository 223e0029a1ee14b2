/**
 * Importing a large ChatGPT export: a 60 MB `conversations.json` in the real shapes, read in
 * 4 MiB pieces and stored in batches (the app's way), against the same file read whole,
 * parsed whole and stored in one transaction (the way a file within the one-call limit goes),
 * both into a real history file. Each path runs in a fresh process of its own
 * (chatgptImport/importChild.ts), so the peak memory printed is that path's alone.
 * Not a pass/fail test. Runs with `npm run bench`, or alone: `npx tsx bench/chatgptImport.bench.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { ImportChildResult } from './chatgptImport/importChild';
import { writeLargeChatgptExport } from './fixtures/largeChatgptExport';
import { mb, printTable } from './report';

const FILE_BYTES = 60 * 1024 * 1024;
const PATHS = [
  ['streamed', 'streamed, 4 MiB pieces, batches of 50'],
  ['whole', 'whole file, one transaction (baseline)'],
] as const;

async function importInChild(path: string, file: string, dataDir: string): Promise<ImportChildResult> {
  const child = join(import.meta.dirname, 'chatgptImport', 'importChild.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, path, file, dataDir], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ImportChildResult;
}

export async function runChatgptImportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-chatgpt-'));
  try {
    const file = join(dir, 'conversations.json');
    const { conversations, bytes } = await writeLargeChatgptExport(file, FILE_BYTES);
    const results: ImportChildResult[] = [];
    const rows: string[][] = [];
    for (const [path, name] of PATHS) {
      const result = await importInChild(path, file, join(dir, path));
      results.push(result);
      rows.push([name, String(result.imported), `${(result.ms / 1000).toFixed(1)} s`, mb(result.peakBytes), mb(result.peakBytes - result.startBytes)]);
    }
    const [stream, baseline] = results;
    if (stream && baseline) {
      const above = (result: ImportChildResult) => result.peakBytes - result.startBytes;
      rows.push(['ratio streamed / baseline', '', (stream.ms / baseline.ms).toFixed(2), '', (above(stream) / Math.max(1, above(baseline))).toFixed(2)]);
    }
    console.info(`\nChatGPT import: ${conversations.toLocaleString('en')} conversations, ${mb(bytes)} (${process.version}), each path in a process of its own`);
    printTable(['path', 'imported', 'time', 'peak RSS', 'peak above start'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runChatgptImportBench();
