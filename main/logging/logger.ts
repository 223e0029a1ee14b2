/**
 * Parley's log: `<dataDir>/logs/parley.log`, rotated by size, every line redacted before it is
 * written. Own code rather than electron-log: it must run in web mode and tests without the
 * Electron binary, and the redaction must sit in front of every write.
 */
import path from 'node:path';
import { format } from 'node:util';
import { redactSecrets } from './redact';
import { createRotatingFile } from './rotatingFile';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  /** The folder holding `parley.log` and its rotated predecessors. */
  readonly folder: string;
  readonly file: string;
  log(level: LogLevel, ...args: unknown[]): void;
  /** The line as it is written (redacted), without the timestamp; for echoing to a terminal. */
  redact(text: string): string;
}

export interface LoggerOptions {
  dataDir: string;
  /** The keys to remove from every line, read at each write (the key can change while running). */
  getSecrets: () => Iterable<string>;
  maxBytes?: number;
  keep?: number;
}

export const logsFolder = (dataDir: string): string => path.join(dataDir, 'logs');

export function createLogger({ dataDir, getSecrets, maxBytes = 1024 * 1024, keep = 3 }: LoggerOptions): Logger {
  const folder = logsFolder(dataDir);
  const file = path.join(folder, 'parley.log');
  const out = createRotatingFile({ file, maxBytes, keep });
  const redact = (text: string) => redactSecrets(text, getSecrets());

  return {
    folder,
    file,
    redact,
    log(level, ...args) {
      const line = redact(format(...args)).replace(/\r?\n/g, '\n    ');
      out.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${line}\n`);
    },
  };
}
