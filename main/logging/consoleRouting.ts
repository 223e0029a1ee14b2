/**
 * Sends main's `console.info/warn/error` (the methods lint allows in main) through the loggers: each line is written
 * to every attached log and echoed, redacted, to the terminal. Several loggers may be attached
 * at once (the UI specs run many web modes in one process); the console is restored when the
 * last one detaches.
 */
import { format } from 'node:util';
import type { Logger, LogLevel } from './logger';

const LEVELS = { info: 'info', warn: 'warn', error: 'error' } as const satisfies Record<string, LogLevel>;
type Method = keyof typeof LEVELS;

const attached = new Set<Logger>();
let original: Pick<Console, Method> | null = null;

function install(): void {
  const saved = { info: console.info, warn: console.warn, error: console.error };
  original = saved;
  const routed = (method: Method) => (...args: unknown[]) => {
    let line = format(...args);
    for (const logger of attached) {
      logger.log(LEVELS[method], '%s', line);
      line = logger.redact(line);
    }
    saved[method](line);
  };
  Object.assign(console, { info: routed('info'), warn: routed('warn'), error: routed('error') });
}

/** Routes the console through `logger` until the returned function is called. */
export function routeConsole(logger: Logger): () => void {
  if (attached.size === 0) install();
  attached.add(logger);
  return () => {
    if (!attached.delete(logger) || attached.size > 0 || !original) return;
    Object.assign(console, original);
    original = null;
  };
}
