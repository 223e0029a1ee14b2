/**
 * `npm run bench`: every benchmark, one after another, each printing its own table, then how long
 * each took and the whole run against issue 16's goal (a full run in 15 minutes on 2 cores).
 */
import { runBranchesBench } from './branches.bench';
import { runConversationBench } from './conversation.bench';
import { runExportBench } from './export.bench';
import { runFirstTokenBench } from './firstToken.bench';
import { runHistoryBench } from './history.bench';
import { runChatgptImportBench } from './chatgptImport.bench';
import { runMarkdownBench } from './markdown.bench';
import { runMarkdownFuzzBench } from './markdownFuzz.bench';
import { runMarkdownOpenBench } from './markdownOpen.bench';
import { QUICK } from './options';
import { printTable } from './report';
import { runSearchBench } from './search.bench';
import { runStreamingBench } from './streaming.bench';

const GOAL_MINUTES = 15;

const BENCHES: [string, () => Promise<void>][] = [
  ['history', runHistoryBench],
  ['search', runSearchBench],
  ['export', runExportBench],
  ['ChatGPT import', runChatgptImportBench],
  ['markdown', runMarkdownBench],
  ['streaming', runStreamingBench],
  ['markdown open', runMarkdownOpenBench],
  ['markdown fuzz', runMarkdownFuzzBench],
  ['conversation', runConversationBench],
  ['branches', runBranchesBench],
  ['first token', runFirstTokenBench],
];

const minutes = (ms: number): string => `${(ms / 60_000).toFixed(1)} min`;

const started = performance.now();
const durations: string[][] = [];
for (const [name, run] of BENCHES) {
  const benchStarted = performance.now();
  await run();
  durations.push([name, minutes(performance.now() - benchStarted)]);
}
const total = performance.now() - started;
console.info(`\nHow long each benchmark took${QUICK ? ' (--quick)' : ''}:\n`);
printTable(['benchmark', 'duration'], [...durations, ['whole run', minutes(total)]]);
if (!QUICK) console.info(`\nWhole run ≤ ${GOAL_MINUTES} min: ${total <= GOAL_MINUTES * 60_000 ? 'PASS' : 'FAIL'}`);
