/**
 * Web mode in a process of its own for the first-token bench, as main runs in the app: the bench's
 * own work (Playwright, the stream server, the SDK calls) never holds up main's event loop.
 * Args: data folder, base URL, model catalogue origin. Prints the page's URL, then a line
 * `read <epoch ms>` each time main has read a chat frame from the page and `written <epoch ms>` each
 * time it writes a chat request to its socket, and runs until killed.
 */
import { subscribe } from 'node:diagnostics_channel';
import path from 'node:path';
import { startWebMode } from '../../main/web/startWebMode';
import { CHAT_FRAME_READ_CHANNEL } from '../../main/web/webServer';
import { epochClock } from './epochClock';
import { watchChatRequestsWritten } from './requestsWritten';

const [dataDir = '', baseURL = '', modelCatalogOrigin = ''] = process.argv.slice(2);
const now = epochClock();
const server = await startWebMode({ dataDir, staticDir: path.resolve('dist/renderer'), baseURL, envKey: 'bench-key', modelCatalogOrigin });
process.stdout.write(`${server.url}\n`);
subscribe(CHAT_FRAME_READ_CHANNEL, () => process.stdout.write(`read ${now()}\n`));
watchChatRequestsWritten(() => process.stdout.write(`written ${now()}\n`));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
