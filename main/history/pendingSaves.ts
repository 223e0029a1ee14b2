/**
 * Saves that failed because the disk was full, kept in memory and tried again: every few seconds
 * while any are left, and whenever the page asks (it does while it shows the notice). Nothing a
 * stream delivered is dropped while Parley runs; once there is space again, each lands in the
 * history in the order it was made.
 */
export interface PendingSaves {
  /** Keeps a save that failed, to try again later. */
  defer(save: () => void): void;
  /** Tries every kept save again, oldest first, stopping at the first that still fails; returns how many are left. */
  retry(): number;
  count(): number;
  /** Stops the timer (the app is closing). */
  close(): void;
}

export interface PendingSavesOptions {
  retryEveryMs?: number;
  /** Told each time the count changes: to 0 when everything is saved. */
  onChange?: (pending: number) => void;
}

export function createPendingSaves({ retryEveryMs = 5_000, onChange = () => undefined }: PendingSavesOptions = {}): PendingSaves {
  const saves: (() => void)[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;

  function stopTimer(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function retry(): number {
    const before = saves.length;
    while (saves.length > 0) {
      try {
        saves[0]?.();
      } catch {
        // Still no space (or another failure): keep it, and the ones after it, for the next try.
        break;
      }
      saves.shift();
    }
    if (saves.length === 0) stopTimer();
    if (saves.length !== before) onChange(saves.length);
    return saves.length;
  }

  return {
    defer(save) {
      saves.push(save);
      // Never keeps the process alive on its own: a quitting app is not held open by it.
      timer ??= setInterval(retry, retryEveryMs);
      timer.unref?.();
      onChange(saves.length);
    },
    retry,
    count: () => saves.length,
    close: stopTimer,
  };
}
