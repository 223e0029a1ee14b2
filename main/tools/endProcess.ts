import { setTimeout as sleep } from 'node:timers/promises';

/** How often a process that was told to end is looked for. */
const LOOK_EVERY_MS = 20;

/** Whether the process is still there (signal 0 only checks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += LOOK_EVERY_MS) {
    if (!isRunning(pid)) return true;
    await sleep(LOOK_EVERY_MS);
  }
  return !isRunning(pid);
}

function send(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone already, or not ours to signal: either way there is nothing left to end.
  }
}

/**
 * Ends a process now: SIGTERM, then SIGKILL if it is still there after `graceMs`. Resolves once it is
 * gone (or after the second grace, for a process that cannot be killed).
 */
export async function endProcess(pid: number, graceMs = 2_000): Promise<void> {
  send(pid, 'SIGTERM');
  if (await goneWithin(pid, graceMs)) return;
  send(pid, 'SIGKILL');
  await goneWithin(pid, graceMs);
}
