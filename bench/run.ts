/** `npm run bench`: every benchmark, one after another, each printing its own table. */
import { runExportBench } from './export.bench';
import { runHistoryBench } from './history.bench';
import { runSearchBench } from './search.bench';

await runHistoryBench();
await runSearchBench();
await runExportBench();

import { runMarkdownBench } from './markdown.bench';

await runMarkdownBench();

import { runConversationBench } from './conversation.bench';

await runConversationBench();
