import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the writer child (real store code) once per test file into a temp script, so each
 * of hundreds of spawns costs a Node start-up, not a TypeScript compile. better-sqlite3
 * stays external and resolves through NODE_PATH to the installed package and its Node build.
 */
export interface WriterChild {
  script: string;
  env: NodeJS.ProcessEnv;
}

export async function bundleCrashChild(): Promise<WriterChild> {
  return bundleChild('tests/fixtures/history/crashChild.ts');
}

/** Bundles any child script under tests/fixtures the same way. */
export async function bundleChild(entry: string): Promise<WriterChild> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'parley-child-')), 'child.cjs');
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  return { script: outfile, env: { ...process.env, NODE_PATH: resolve('node_modules') } };
}

/** What a writer child reported before it exited or was killed. */
export interface ChildReport {
  users: string[];
  started: string[];
  done: { id: string; status: string; chars: number }[];
  exitCode: number | null;
  stderr: string;
}

export interface RunChildOptions {
  /** SIGKILL this many ms after the child says `ready`; without it the child runs to the end. */
  killAfterMs?: number;
  conversations?: number;
}

export function runChild(child: WriterChild, file: string, options: RunChildOptions = {}): Promise<ChildReport> {
  const args = [child.script, file, ...(options.conversations === undefined ? [] : [String(options.conversations)])];
  const running = spawn(process.execPath, args, { env: child.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  running.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (options.killAfterMs !== undefined && !stdout.includes('ready') && (stdout + chunk).includes('ready')) {
      setTimeout(() => running.kill('SIGKILL'), options.killAfterMs);
    }
    stdout += chunk;
  });
  running.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    running.on('error', reject);
    // 'close' waits for stdout to end, so every line written before the kill is here.
    running.on('close', (exitCode) => {
      const report: ChildReport = { users: [], started: [], done: [], exitCode, stderr };
      for (const line of stdout.split('\n')) {
        const [kind, id = '', status = '', chars = '0'] = line.split(' ');
        if (kind === 'user') report.users.push(id);
        else if (kind === 'start') report.started.push(id);
        else if (kind === 'done') report.done.push({ id, status, chars: Number(chars) });
      }
      resolvePromise(report);
    });
  });
}

export interface KillableRun {
  /** Every line the child printed before it exited or was killed. */
  lines: string[];
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs a bundled child with `args` and SIGKILLs it as soon as it prints a line starting with
 * `killAt` (children print `paused <step>` and wait there), or `killAfterMs` after `ready`.
 * Without either it runs to the end.
 */
export function runKillable(child: WriterChild, args: string[], kill: { killAt?: string; killAfterMs?: number } = {}): Promise<KillableRun> {
  const running = spawn(process.execPath, [child.script, ...args], { env: child.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killing = false;
  const lines = () => stdout.split('\n').filter((line) => line !== '');
  running.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (killing) return;
    if (kill.killAt !== undefined && lines().some((line) => line.startsWith(kill.killAt as string))) {
      killing = true;
      running.kill('SIGKILL');
    } else if (kill.killAfterMs !== undefined && lines().includes('ready')) {
      killing = true;
      setTimeout(() => running.kill('SIGKILL'), kill.killAfterMs);
    }
  });
  running.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    running.on('error', reject);
    running.on('close', (exitCode) => resolvePromise({ lines: lines(), exitCode, stderr }));
  });
}
