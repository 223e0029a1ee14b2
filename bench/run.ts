/** `npm run bench`: every benchmark, one after another, each printing its own table. */
import { runExportBench } from './export.bench';
import { runHistoryBench } from './history.bench';

await runHistoryBench();
await runExportBench();

import { runMarkdownBench } from './markdown.bench';

await runMarkdownBench();

import { runMarkdownOpenBench } from './markdownOpen.bench';

await runMarkdownOpenBench();

import { runConversationBench } from './conversation.bench';

await runConversationBench();
