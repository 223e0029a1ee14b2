/**
 * Real disk conditions for a child process, with no root rights on the machine and nothing
 * mounted outside the child: a mount namespace of its own (`unshare -rm`) in which its folder is
 * a small tmpfs (to fill up) or a read-only bind mount. Where user namespaces are not allowed,
 * tests that need them skip and say why.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `$1` is the folder; the command follows. */
const MOUNTS = {
  tmpfs: (size: string) => `mount -t tmpfs -o size=${size} tmpfs "$1"`,
  readOnly: () => 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"',
};
export type OwnMount = { kind: 'tmpfs'; size: string } | { kind: 'read-only' };

const script = (mount: OwnMount): string =>
  `${mount.kind === 'tmpfs' ? MOUNTS.tmpfs(mount.size) : MOUNTS.readOnly()} && shift && exec "$@"`;

/** Whether this machine lets a child mount a folder of its own; the reason when not. */
export function ownMountSupport(): { ok: true } | { ok: false; reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-mount-check-'));
  try {
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', script({ kind: 'tmpfs', size: '64k' }), 'sh', dir, 'true'], { encoding: 'utf8' });
    if (run.error) return { ok: false, reason: `unshare is not available (${run.error.message})` };
    return run.status === 0 ? { ok: true } : { ok: false, reason: `a user namespace cannot mount a folder here (${run.stderr.trim() || `exit ${run.status}`})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `command` with `dir` mounted as `mount` for it alone. */
export function spawnWithOwnMount(mount: OwnMount, dir: string, command: string[], env: NodeJS.ProcessEnv = process.env): ChildProcessWithoutNullStreams {
  return spawn('unshare', ['-rm', 'sh', '-c', script(mount), 'sh', dir, ...command], { env });
}

/** JSON lines from a child, with a way to wait for the one a test expects. */
export function jsonLines(child: ChildProcessWithoutNullStreams) {
  const seen: unknown[] = [];
  const waiting: { matches: (value: unknown) => boolean; resolve: (value: unknown) => void }[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const value: unknown = JSON.parse(line);
      seen.push(value);
      for (const waiter of waiting.filter((candidate) => candidate.matches(value))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(value);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const upcoming = <T,>(matches: (value: unknown) => boolean): Promise<T> =>
    Promise.race([
      new Promise<T>((resolve) => waiting.push({ matches, resolve: resolve as (value: unknown) => void })),
      exited.then((code) => Promise.reject(new Error(`the child exited (${code}) first: ${stderr}`))),
    ]);
  return {
    seen,
    stderr: () => stderr,
    exited,
    /** The first line (already seen or still to come) that `matches` accepts; rejects if the child exits first. */
    next<T>(matches: (value: unknown) => boolean): Promise<T> {
      const found = seen.find(matches);
      return found === undefined ? upcoming<T>(matches) : Promise.resolve(found as T);
    },
    send(line: string) {
      child.stdin.write(`${line}\n`);
    },
    /** Sends a command and waits for the next line (after it) that `matches` accepts. */
    ask<T>(line: string, matches: (value: unknown) => boolean): Promise<T> {
      const answer = upcoming<T>(matches);
      child.stdin.write(`${line}\n`);
      return answer;
    },
  };
}
