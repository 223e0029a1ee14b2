/**
 * The log as the app uses it: one per data folder, fed by main's console, redacting every key
 * Parley has read or saved during the run (old ones too: a replaced key is still a secret).
 */
import { routeConsole } from './consoleRouting';
import { createLogger, type Logger } from './logger';

export interface AppLog {
  logger: Logger;
  /** Give to `createAppRouter` as `rememberSecret`. */
  rememberSecret(secret: string): void;
  /** Stops routing the console into this log. */
  close(): void;
}

export function openAppLog(dataDir: string): AppLog {
  const secrets = new Set<string>();
  const logger = createLogger({ dataDir, getSecrets: () => secrets });
  const close = routeConsole(logger);
  return { logger, rememberSecret: (secret) => secrets.add(secret), close };
}
