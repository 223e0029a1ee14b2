/** `npm run bench`: every benchmark, one after another, each printing its own table. */
import { runBranchesBench } from './branches.bench';
import { runConversationBench } from './conversation.bench';
import { runExportBench } from './export.bench';
import { runFirstTokenBench } from './firstToken.bench';
import { runHistoryBench } from './history.bench';
import { runChatgptImportBench } from './chatgptImport.bench';
import { runMarkdownBench } from './markdown.bench';
import { runMarkdownFuzzBench } from './markdownFuzz.bench';
import { runMarkdownOpenBench } from './markdownOpen.bench';
import { runSearchBench } from './search.bench';
import { runStreamingBench } from './streaming.bench';

await runHistoryBench();
await runSearchBench();
await runExportBench();
await runChatgptImportBench();
await runMarkdownBench();
await runStreamingBench();
await runMarkdownOpenBench();
await runMarkdownFuzzBench();
await runConversationBench();
await runBranchesBench();
await runFirstTokenBench();
