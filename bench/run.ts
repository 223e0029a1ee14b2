/** `npm run bench`: every benchmark, one after another, each printing its own table. */
import { runExportBench } from './export.bench';
import { runHistoryBench } from './history.bench';
import { runChatgptImportBench } from './chatgptImport.bench';

await runHistoryBench();
await runExportBench();
await runChatgptImportBench();

import { runMarkdownBench } from './markdown.bench';

await runMarkdownBench();

import { runConversationBench } from './conversation.bench';

await runConversationBench();
