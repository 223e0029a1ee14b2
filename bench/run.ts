/** `npm run bench`: every benchmark, one after another, each printing its own table. */
import { runHistoryBench } from './history.bench';

await runHistoryBench();
import { runExportBench } from './export.bench';

await runExportBench();
