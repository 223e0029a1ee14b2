/**
 * Web mode in a process of its own for the first-token bench, as main runs in the app: the bench's
 * own work (Playwright, the stream server, the SDK calls) never holds up main's event loop.
 * Args: data folder, base URL, model catalogue origin. Prints the page's URL, then a line
 * `written <epoch ms>` each time main writes a chat request to its socket, and runs until killed.
 */
import path from 'node:path';
import { startWebMode } from '../../main/web/startWebMode';
import { epochClock } from './epochClock';
import { watchChatRequestsWritten } from './requestsWritten';

const [dataDir = '', baseURL = '', modelCatalogOrigin = ''] = process.argv.slice(2);
const now = epochClock();
const server = await startWebMode({ dataDir, staticDir: path.resolve('dist/renderer'), baseURL, envKey: 'bench-key', modelCatalogOrigin });
process.stdout.write(`${server.url}\n`);
watchChatRequestsWritten(() => process.stdout.write(`written ${now()}\n`));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
