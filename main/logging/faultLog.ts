/**
 * What went wrong, in the log: exceptions and rejections nobody caught in main, a renderer or
 * helper process that died, a window that hung, and the page's console errors and warnings.
 * Every line goes through the logger, so through the same redactor as every other line.
 *
 * Recording never throws: it runs inside fault handlers, where a failing write (a full disk
 * under the log folder) would turn one fault into a crash.
 */
import type { Logger, LogLevel } from './logger';

/** A page can log in a loop: at most this many of its messages per minute reach the log… */
export const PAGE_MESSAGES_PER_MINUTE = 50;
/** …each cut to this length (a message may quote a whole answer). */
export const PAGE_MESSAGE_MAX_CHARS = 2_000;

export interface PageConsoleMessage {
  level: 'info' | 'warning' | 'error' | 'debug';
  message: string;
  sourceId: string;
  lineNumber: number;
}

export interface GoneDetails {
  reason: string;
  exitCode: number;
}

export interface FaultLog {
  uncaughtException(error: unknown): void;
  unhandledRejection(reason: unknown): void;
  rendererGone(details: GoneDetails): void;
  /** A helper process (GPU, utility…) that is not a renderer. */
  childProcessGone(details: GoneDetails & { type: string }): void;
  unresponsive(): void;
  /** Returns for how many seconds the window did not respond, or null if it was not hung. */
  responsive(): number | null;
  pageConsole(message: PageConsoleMessage): void;
}

/** The stack when there is one: it says where, which is what a bug report needs. */
export function describeFault(fault: unknown): string {
  if (fault instanceof Error) return fault.stack ?? `${fault.name}: ${fault.message}`;
  try {
    return typeof fault === 'string' ? fault : JSON.stringify(fault) ?? String(fault);
  } catch {
    return Object.prototype.toString.call(fault);
  }
}

const clip = (text: string) => (text.length > PAGE_MESSAGE_MAX_CHARS ? `${text.slice(0, PAGE_MESSAGE_MAX_CHARS)}… (${text.length} characters)` : text);

export function createFaultLog(logger: Pick<Logger, 'log'>, now: () => number = Date.now): FaultLog {
  const write = (level: LogLevel, describe: () => string) => {
    try {
      logger.log(level, '%s', describe());
    } catch {
      // The log itself failed (full disk, folder gone): losing the line is all that may happen.
    }
  };
  let hungSince: number | null = null;
  let minuteStart = Number.NEGATIVE_INFINITY;
  let pageLines = 0;
  let dropped = 0;

  return {
    uncaughtException: (error) => write('error', () => `Uncaught exception in main (Parley kept running): ${describeFault(error)}`),
    unhandledRejection: (reason) => write('error', () => `Unhandled promise rejection in main: ${describeFault(reason)}`),
    rendererGone: ({ reason, exitCode }) =>
      write(reason === 'clean-exit' ? 'info' : 'error', () => `The window's renderer process is gone: ${reason} (exit code ${exitCode})`),
    childProcessGone: ({ type, reason, exitCode }) =>
      write(reason === 'clean-exit' ? 'info' : 'error', () => `A ${type} process is gone: ${reason} (exit code ${exitCode})`),
    unresponsive() {
      hungSince ??= now();
      write('warn', () => 'The window stopped responding');
    },
    responsive() {
      if (hungSince === null) return null;
      const seconds = Math.round((now() - hungSince) / 1000);
      hungSince = null;
      write('info', () => `The window responds again, after ${seconds} s`);
      return seconds;
    },
    pageConsole({ level, message, sourceId, lineNumber }) {
      if (level !== 'warning' && level !== 'error') return;
      if (now() - minuteStart >= 60_000) {
        if (dropped > 0) write('warn', () => `Page console: ${dropped} more messages in that minute were not logged`);
        minuteStart = now();
        pageLines = 0;
        dropped = 0;
      }
      if (pageLines >= PAGE_MESSAGES_PER_MINUTE) {
        dropped += 1;
        return;
      }
      pageLines += 1;
      write(level === 'error' ? 'error' : 'warn', () => `Page console ${level}: ${clip(message)} (${sourceId || 'page'}:${lineNumber})`);
    },
  };
}
