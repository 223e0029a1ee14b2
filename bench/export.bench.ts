/**
 * Export/import benchmark: 10,000 generated conversations of realistic sizes (2–40 messages,
 * answers with code blocks and some reasoning) to Markdown and back, in memory and through a
 * real folder. Prints a table; not a pass/fail test. Each step is compared with a baseline
 * measured in the same run on the same data: JSON.stringify / JSON.parse, and writing / reading
 * the same conversations as one JSON file each.
 * Runs with `npm run bench`, or alone: `npx tsx bench/export.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { exportConversations } from '../main/export/folderExport';
import { importMarkdownFolder } from '../main/export/folderImport';
import { conversationToMarkdown } from '../main/export/markdownExport';
import { markdownToConversation } from '../main/export/markdownImport';
import type { ExportConversation, ExportMessage } from '../main/export/types';

const CONVERSATIONS = 10_000;
const TIME_ZONE = 'Europe/Berlin';

/** xorshift32: the same data on every machine and every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const WORDS = 'the a of to and in is it you that for on with as this model answer token stream error value function return array object cache memory search query index window render state server client latency thread garden river mountain café naïve 東京 日本語 привет مرحبا שלום 🚀 ✅'.split(' ');

function generate(count: number): ExportConversation[] {
  const next = random(0x9e3779b9);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[int(0, WORDS.length - 1)]).join(' ');
  const paragraphs = (n: number): string => Array.from({ length: n }, () => `${words(int(8, 60))}.`).join('\n\n');
  const code = (): string => `\`\`\`ts\n${Array.from({ length: int(3, 30) }, () => `const ${words(1)} = ${words(3)};`).join('\n')}\n\`\`\``;
  let clock = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, n) => {
    const messages: ExportMessage[] = [];
    const turns = int(1, 20);
    for (let t = 0; t < turns; t++) {
      clock += int(5_000, 600_000);
      const base = { error: null, model: 'meta-llama/Llama-3.3-70B-Instruct', finishReason: null, firstTokenMs: null, durationMs: null, thinkingMs: null, createdAt: clock, usage: null, status: 'complete' as const };
      messages.push({ ...base, id: `u-${n}-${t}`, role: 'user', content: paragraphs(int(1, 2)), reasoning: '' });
      messages.push({
        ...base,
        id: `a-${n}-${t}`,
        role: 'assistant',
        content: [paragraphs(int(1, 4)), ...(next() < 0.4 ? [code(), paragraphs(1)] : [])].join('\n\n'),
        reasoning: next() < 0.3 ? paragraphs(int(1, 3)) : '',
        usage: { promptTokens: int(50, 4000), completionTokens: int(20, 1500), totalTokens: 0 },
        finishReason: 'stop',
        firstTokenMs: int(100, 900),
        durationMs: int(500, 30_000),
        createdAt: clock + int(1_000, 30_000),
      });
    }
    return { id: `c-${n}`, title: words(int(2, 8)), model: 'meta-llama/Llama-3.3-70B-Instruct', createdAt: messages[0]?.createdAt ?? clock, updatedAt: clock, pinned: next() < 0.05, systemPrompt: next() < 0.2 ? 'You are a helpful assistant.\nAnswer briefly.' : '', endpoint: 'https://api.inference.wandb.ai/v1', params: { temperature: 0.7, max_tokens: 2048 }, messages };
  });
}

/** Median of three runs, in ms. */
function time(fn: () => void): number {
  const runs = [0, 1, 2].map(() => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  });
  return runs.sort((a, b) => a - b)[1] ?? 0;
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.info([line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n'));
}

export async function runExportBench(): Promise<void> {
  const conversations = generate(CONVERSATIONS);
  const messages = conversations.reduce((sum, c) => sum + c.messages.length, 0);
  let markdown: string[] = [];
  let json: string[] = [];
  const rows: [string, number, string, number][] = [];

  const stringify = time(() => (json = conversations.map((c) => JSON.stringify(c))));
  rows.push(['export to Markdown (conversationToMarkdown)', time(() => (markdown = conversations.map((c) => conversationToMarkdown(c, { timeZone: TIME_ZONE })))), 'JSON.stringify', stringify]);
  rows.push(['import from Markdown (markdownToConversation)', time(() => markdown.forEach((text) => markdownToConversation(text))), 'JSON.parse', time(() => json.forEach((text) => JSON.parse(text)))]);

  const dir = mkdtempSync(join(tmpdir(), 'parley-export-bench-'));
  try {
    const mdDir = join(dir, 'markdown');
    const jsonDir = join(dir, 'json');
    const writeJson = await timeOnce(async () => {
      await mkdir(jsonDir);
      for (const c of conversations) await writeFile(join(jsonDir, `${c.id}.json`), JSON.stringify(c));
    });
    rows.push(['export to a folder (exportConversations)', await timeOnce(() => exportConversations({ conversations, folder: mdDir, timeZone: TIME_ZONE })), 'one JSON file each', writeJson]);
    const readJson = await timeOnce(async () => {
      for (const name of await readdir(jsonDir)) JSON.parse(await readFile(join(jsonDir, name), 'utf8'));
    });
    rows.push(['import a folder (importMarkdownFolder)', await timeOnce(() => importMarkdownFolder(mdDir)), 'read + parse JSON files', readJson]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const mb = (texts: string[]): string => `${(texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6).toFixed(0)} MB`;
  console.info(`\nExport/import: ${CONVERSATIONS.toLocaleString('en')} conversations, ${messages.toLocaleString('en')} messages; Markdown ${mb(markdown)}, JSON ${mb(json)}.\n`);
  const perConversation = (ms: number): string => `${((ms * 1000) / CONVERSATIONS).toFixed(1)} µs`;
  printTable(
    ['operation', 'total', 'per conversation', 'baseline', 'baseline per conversation', '× baseline'],
    rows.map(([name, ms, baseline, baseMs]) => [name, `${ms.toFixed(0)} ms`, perConversation(ms), baseline, perConversation(baseMs), `${(ms / baseMs).toFixed(1)}×`]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runExportBench();
