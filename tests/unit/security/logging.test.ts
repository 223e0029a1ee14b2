import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppLog } from '../../../main/logging/appLog';
import { createLogger } from '../../../main/logging/logger';
import { redactSecrets } from '../../../main/logging/redact';
import { showLogs } from '../../../main/logging/showLogs';

const KEY = 'wandb-LOGKEY-9a8b7c6d5e4f';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-log-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const logsOf = async () => (await readdir(path.join(dataDir, 'logs'))).sort();

describe('redaction', () => {
  it('removes the key, Bearer tokens and Authorization headers, and leaves other text alone', () => {
    const text = `key=${KEY} headers: {"Authorization":"Bearer sk-other-123456"} authorization: tok_abcdef123 Bearer xyz.987654 model fake/echo`;
    const safe = redactSecrets(text, [KEY]);
    expect(safe).not.toContain(KEY);
    expect(safe).not.toContain('sk-other-123456');
    expect(safe).not.toContain('tok_abcdef123');
    expect(safe).not.toContain('xyz.987654');
    expect(safe).toContain('model fake/echo');
  });
});

describe('the log file', () => {
  it('rotates by size and keeps only the newest files', async () => {
    const logger = createLogger({ dataDir, getSecrets: () => [], maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 100; i++) logger.log('info', `line ${i} ${'x'.repeat(80)}`);
    expect(await logsOf()).toEqual(['parley.1.log', 'parley.2.log', 'parley.log']);
    for (const file of await logsOf()) expect((await readFile(path.join(dataDir, 'logs', file))).length).toBeLessThanOrEqual(2_000);
    // The newest line is in the current file, the oldest lines are gone.
    expect(await readFile(logger.file, 'utf8')).toContain('line 99 ');
    const all = (await Promise.all((await logsOf()).map((file) => readFile(path.join(dataDir, 'logs', file), 'utf8')))).join('');
    expect(all).not.toContain('line 0 ');
  });

  it('main’s console goes into the log redacted, also for a key learnt while running', async () => {
    const appLog = openAppLog(dataDir);
    try {
      appLog.rememberSecret(KEY);
      console.error('request failed with', { headers: { Authorization: `Bearer ${KEY}` } }, `and key ${KEY}`);
      console.warn(`warned about ${KEY}`);
    } finally {
      appLog.close();
    }
    const text = await readFile(appLog.logger.file, 'utf8');
    expect(text).toMatch(/ERROR request failed with/);
    expect(text).toMatch(/WARN {2}warned about \[redacted\]/);
    expect(text).not.toContain(KEY);
    console.info('after close');
    expect(await readFile(appLog.logger.file, 'utf8')).not.toContain('after close');
  });

  it('never throws when the log cannot be written, and writes again once it can', async () => {
    // A file where the logs folder should be: every write fails (ENOTDIR), as on a full or read-only disk.
    await writeFile(path.join(dataDir, 'logs'), 'not a folder');
    const appLog = openAppLog(dataDir);
    try {
      expect(() => console.warn('while the log cannot be written')).not.toThrow();
      expect(() => appLog.logger.log('error', 'directly, too')).not.toThrow();
      await rm(path.join(dataDir, 'logs'));
      console.warn('and after it can');
    } finally {
      appLog.close();
    }
    expect(await readFile(appLog.logger.file, 'utf8')).toMatch(/WARN {2}and after it can\n$/);
  });

  it('Show logs opens the logs folder, creating it first', async () => {
    const opened: string[] = [];
    const result = await showLogs({ openPath: async (folder) => (opened.push(folder), '') }, dataDir);
    expect(result).toBe('');
    expect(opened).toEqual([path.join(dataDir, 'logs')]);
    expect(await readdir(dataDir)).toContain('logs');
  });
});
