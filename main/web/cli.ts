/**
 * `npm run web -- --port P --data-dir D --base-url U`
 * Serves the built renderer on 127.0.0.1 against main's real services. The key comes
 * from PARLEY_API_KEY or is entered in the page and kept in memory for this run only.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startupFailureMessage } from '../appFailure';
import { startWebMode } from './startWebMode';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string', default: path.resolve('.parley-dev') },
    'base-url': { type: 'string' },
    'static-dir': { type: 'string', default: path.resolve('dist/renderer') },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const dataDir = path.resolve(values['data-dir']);
const server = await startWebMode({
  port,
  dataDir,
  staticDir: path.resolve(values['static-dir']),
  envKey: process.env.PARLEY_API_KEY?.trim() || null,
  ...(values['base-url'] ? { baseURL: values['base-url'] } : {}),
  onOpenLink: (url) => console.info(`Open in your browser: ${url}`),
}).catch((error: unknown) => {
  console.error(`Parley could not start: ${startupFailureMessage(error, dataDir)}`);
  process.exit(1);
});
console.info(`Parley web mode (data in ${dataDir})`);
// Straight to the terminal, not through the console: the console also goes to the log, and the token must not.
process.stdout.write(`Open ${server.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
