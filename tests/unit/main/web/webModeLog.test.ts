/**
 * `npm run web` prints the page's URL with its per-run token for the person at the terminal;
 * the token is a credential for the whole app (it drives main's services), so it must never
 * reach logs/parley.log. Runs the real CLI in a child process, as `npm run web` does.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let dataDir: string | null = null;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Starts the web-mode CLI and resolves with everything it printed once it says where to open it. */
function startCli(dir: string): Promise<{ stdout: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/Open http:\/\/\S+\n/.test(stdout)) {
        resolve({
          stdout,
          stop: async () => {
            child.kill('SIGTERM');
            await closed;
          },
        });
      }
    });
    void closed.then(() => reject(new Error(`web mode exited early: ${stderr}`)));
  });
}

describe('web mode', () => {
  it('prints its token for the person at the terminal and never writes it to the log', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-web-log-'));
    const { stdout, stop } = await startCli(dataDir);
    await stop();
    const token = new URL(/Open (http:\/\/\S+)/.exec(stdout)?.[1] ?? '').searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(24);

    const log = await readFile(path.join(dataDir, 'logs', 'parley.log'), 'utf8');
    expect(log).toContain('Parley web mode');
    expect(log).not.toContain(token);
  }, 60_000);
});
