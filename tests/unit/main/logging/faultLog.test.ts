/**
 * Faults in the log, on real files: what is recorded, that it is redacted like every line, that
 * a page cannot flood it, and that recording survives a log that cannot be written.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFaultLog, PAGE_MESSAGE_MAX_CHARS, PAGE_MESSAGES_PER_MINUTE } from '../../../../main/logging/faultLog';
import { createLogger, logsFolder } from '../../../../main/logging/logger';

const KEY = 'wandb-FAULTKEY-1b2c3d4e5f6a';
let dataDir: string;
let clock: number;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-faults-'));
  clock = 1_000_000;
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const open = () => {
  const logger = createLogger({ dataDir, getSecrets: () => [KEY] });
  return { faults: createFaultLog(logger, () => clock), read: () => readFile(logger.file, 'utf8') };
};

describe('the fault log', () => {
  it('records uncaught exceptions with their stack and rejections, redacted', async () => {
    const { faults, read } = open();
    faults.uncaughtException(new TypeError(`request with ${KEY} failed`));
    faults.unhandledRejection({ status: 500, authorization: `Bearer ${KEY}` });
    faults.unhandledRejection('plain reason');
    const text = await read();
    expect(text).toMatch(/ERROR Uncaught exception in main \(Parley kept running\): TypeError: request with \[redacted\] failed\n\s+at /);
    expect(text).toContain('ERROR Unhandled promise rejection in main: {"status":500,"authorization":"Bearer [redacted]"}');
    expect(text).toContain('Unhandled promise rejection in main: plain reason');
    expect(text).not.toContain(KEY);
  });

  it('records a renderer or helper process that is gone, and a window that hung and came back', async () => {
    const { faults, read } = open();
    faults.rendererGone({ reason: 'crashed', exitCode: 139 });
    faults.childProcessGone({ type: 'GPU', reason: 'oom', exitCode: 1 });
    expect(faults.responsive()).toBeNull();
    faults.unresponsive();
    clock += 12_400;
    faults.unresponsive();
    expect(faults.responsive()).toBe(12);
    const text = await read();
    expect(text).toContain("ERROR The window's renderer process is gone: crashed (exit code 139)");
    expect(text).toContain('ERROR A GPU process is gone: oom (exit code 1)');
    expect(text).toContain('WARN  The window stopped responding');
    expect(text).toContain('INFO  The window responds again, after 12 s');
  });

  it('keeps the page’s console errors and warnings, clipped, and no more than its share per minute', async () => {
    const { faults, read } = open();
    const message = (text: string, level: 'info' | 'warning' | 'error' | 'debug' = 'error') => faults.pageConsole({ level, message: text, sourceId: 'app://parley/assets/index.js', lineNumber: 7 });
    message('just saying', 'info');
    message('debugging', 'debug');
    message(`deprecated API used with ${KEY}`, 'warning');
    message(`long ${'x'.repeat(PAGE_MESSAGE_MAX_CHARS * 2)}`);
    for (let i = 0; i < PAGE_MESSAGES_PER_MINUTE + 10; i++) message(`flood ${i}`);
    clock += 60_000;
    message('a minute later');
    const text = await read();
    expect(text).not.toContain('just saying');
    expect(text).not.toContain('debugging');
    expect(text).toContain('WARN  Page console warning: deprecated API used with [redacted] (app://parley/assets/index.js:7)');
    expect(text).toContain(`… (${PAGE_MESSAGE_MAX_CHARS * 2 + 5} characters)`);
    expect(text).toContain(`flood ${PAGE_MESSAGES_PER_MINUTE - 3}`);
    expect(text).not.toContain(`flood ${PAGE_MESSAGES_PER_MINUTE - 2} `);
    expect(text).toContain('Page console: 12 more messages in that minute were not logged');
    expect(text).toContain('ERROR Page console error: a minute later');
  });

  it('never throws when the log cannot be written (a full disk)', () => {
    const logFile = path.join(logsFolder(dataDir), 'parley.log');
    mkdirSync(logsFolder(dataDir), { recursive: true });
    // Linux has a real full device; elsewhere a folder where the file should be fails every write.
    if (existsSync('/dev/full')) symlinkSync('/dev/full', logFile);
    else mkdirSync(logFile);
    const { faults } = open();
    expect(() => {
      faults.uncaughtException(new Error('while the disk is full'));
      faults.unhandledRejection(new Error('also then'));
      faults.rendererGone({ reason: 'crashed', exitCode: 1 });
      faults.pageConsole({ level: 'error', message: 'and this', sourceId: '', lineNumber: 0 });
    }).not.toThrow();
  });
});
