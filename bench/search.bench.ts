/**
 * Search benchmark: a history of 1,000,000 messages (100,000 with --quick), seeded through a bulk
 * path and indexed by the real upgrade, then every query class people type, warm (the same
 * connection, repeated) and cold (a new connection, and on Linux the file dropped from the OS
 * cache first). p50/p95 per class beside the goal, and a plain LIKE scan over the same rows in
 * the same run as the baseline. Prints tables; not a pass/fail test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../main/history/database';
import type { Db } from '../main/history/database';
import { noWork, search } from '../main/history/search';
import { QUICK } from './options';
import { mb, ms, percentiles, printTable } from './report';
import { RARE_WORDS } from './search/corpus';
import { fileSize, indexBytes, seedHistory } from './search/seed';

const MESSAGES = QUICK ? 100_000 : 1_000_000;
const GOAL_MS = 20;
const WARM_RUNS = QUICK ? 10 : 20;
const COLD_RUNS = 3;
/** What the sidebar asks for. */
const LIMIT = 50;

const CLASSES: { name: string; queries: string[] }[] = [
  { name: 'common words', queries: ['the', 'function', 'answer'] },
  { name: 'two words', queries: ['memory cache', 'deploy cluster'] },
  { name: 'rare', queries: Object.keys(RARE_WORDS) },
  { name: 'absent', queries: ['xylophonic', 'zzyzx'] },
  { name: 'Cyrillic', queries: ['привет', 'программа'] },
  { name: 'diacritics', queries: ['creme brulee', 'über'] },
  { name: 'CJK, 1 character', queries: ['東', '語'] },
  { name: 'CJK, 2 characters', queries: ['東京', '京都'] },
  { name: 'CJK, 3 characters', queries: ['日本語', '東京都'] },
  // Characters the corpus never holds: the short-word index has no entry for them.
  { name: 'CJK absent, 1–2 characters', queries: ['鑫', '龘鑫'] },
  { name: 'emoji', queries: ['🚀', '🎉'] },
];

/** Wall time, and CPU time: on a machine others share, the first waits for a core, the second does not. */
function timeOnce(fn: () => unknown, cpu?: number[]): number {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(startCpu);
  cpu?.push((used.user + used.system) / 1000);
  return performance.now() - start;
}

/** Drops the file's pages from the OS cache (Linux, through python3's posix_fadvise); false where that is not possible. */
function dropFromOsCache(file: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('python3', ['-c', 'import os,sys\nfor f in sys.argv[1:]:\n fd=os.open(f,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The baseline: what a search without an index does, a LIKE scan newest first for every word. */
function likeScan(db: Db, query: string): unknown[] {
  const words = query.split(/\s+/u);
  const likes = words.map(() => "m.content LIKE ? ESCAPE '\\'").join(' AND ');
  const sql = `SELECT m.conversation_id, m.id, m.content FROM messages AS m JOIN conversations AS c ON c.id = m.conversation_id
    WHERE c.deleted_at IS NULL AND ${likes} ORDER BY m.seq DESC LIMIT ${LIMIT}`;
  return db.prepare(sql).all(...words.map((word) => `%${word.replace(/[\\%_]/gu, '\\$&')}%`));
}

const pass = (figure: number): string => (figure <= GOAL_MS ? 'pass' : 'FAIL');

export async function runSearchBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-search-bench-'));
  try {
    const file = join(dir, 'history.sqlite3');
    console.info(`\nSearch: seeding ${MESSAGES.toLocaleString('en')} messages…`);
    const { db: seeded, report } = await seedHistory(file, join(dir, 'backups'), MESSAGES);
    const bytes = fileSize(seeded);
    const [trigramBytes = 0, gramBytes = 0, toolTrigramBytes = 0, toolGramBytes = 0] = indexBytes(seeded, ['messages_fts', 'messages_grams', 'tool_calls_fts', 'tool_calls_grams']);
    seeded.close();

    console.info(
      `Seeded ${report.messages.toLocaleString('en')} messages in ${report.conversations.toLocaleString('en')} conversations ` +
        `and ${report.toolCalls.toLocaleString('en')} tool calls ` +
        `(${(report.textChars / 1e6).toFixed(0)} M characters) in ${(report.seedMs / 1000).toFixed(1)} s; database ${mb(report.bytesBeforeIndex)} before indexing.`,
    );
    console.info(`Indexing (the upgrade from schema 1, after its backup of ${(report.backupMs / 1000).toFixed(1)} s):`);
    for (const step of report.steps) if (step.ms >= 1) console.info(`  ${step.name}: ${(step.ms / 1000).toFixed(1)} s`);
    console.info(`Database ${mb(bytes)}: trigram index ${mb(trigramBytes)}, short-word index ${mb(gramBytes)}, tool-call indexes ${mb(toolTrigramBytes)} and ${mb(toolGramBytes)}.\n`);

    const db = openDatabase(file);
    const rows: string[][] = [];
    let coldDropped = true;
    for (const { name, queries } of CLASSES) {
      const warm: number[] = [];
      const warmCpu: number[] = [];
      const cold: number[] = [];
      const baseline: number[] = [];
      let found = 0;
      const work = noWork();
      for (const query of queries) {
        found += search(db, query, { limit: LIMIT, work }).length;
        for (let run = 0; run < WARM_RUNS; run++) warm.push(timeOnce(() => search(db, query, { limit: LIMIT }), warmCpu));
        for (let run = 0; run < COLD_RUNS; run++) {
          coldDropped = dropFromOsCache(file) && coldDropped;
          const fresh = openDatabase(file);
          cold.push(timeOnce(() => search(fresh, query, { limit: LIMIT })));
          fresh.close();
        }
        likeScan(db, query);
        baseline.push(timeOnce(() => likeScan(db, query)));
      }
      const [w, c, b, cpu] = [percentiles(warm), percentiles(cold), percentiles(baseline), percentiles(warmCpu)];
      rows.push([
        name,
        queries.join(', '),
        String(found),
        `${work.candidates} / ${work.counted} / ${work.texts}`,
        ms(w.p50),
        `${ms(w.p95)} ${pass(w.p95)}`,
        ms(cpu.p95),
        ms(c.p50),
        `${ms(c.p95)} ${pass(c.p95)}`,
        ms(b.p50),
        `${(b.p50 / w.p50).toFixed(0)}×`,
      ]);
    }
    db.close();
    printTable(['query class', 'queries', 'results', 'read', 'warm p50', `warm p95 (goal ≤ ${GOAL_MS} ms)`, 'warm p95 CPU', 'cold p50', `cold p95 (goal ≤ ${GOAL_MS} ms)`, 'LIKE scan p50', 'LIKE / warm'], rows);
    console.info(
      `Warm: ${WARM_RUNS} runs per query on one connection; CPU: the process's CPU time for the same runs. Cold: ${COLD_RUNS} runs per query, each on a new connection` +
        (coldDropped ? ', the file dropped from the OS cache first.' : '; the OS cache could not be dropped here, so only SQLite\'s cache is cold.') +
        ` Results: conversations shown for the class's queries (at most ${LIMIT} each). Read: what those searches read, in candidates from the search indexes / index entries to complete counts / texts read in full (SearchWork).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runSearchBench();
