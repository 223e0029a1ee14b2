/**
 * Aborts a request when no bytes have arrived for `timeoutMs`, before or during the stream.
 * The SDK's own timeout only covers the wait for headers; a stream can go silent after that.
 */
export interface StreamWatchdog {
  /** Aborted when the stream stalled. */
  readonly signal: AbortSignal;
  readonly stalled: boolean;
  /** Bytes arrived: start the wait again. */
  touch(): void;
  stop(): void;
}

export function createStreamWatchdog(timeoutMs: number): StreamWatchdog {
  const controller = new AbortController();
  let stalled = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function arm(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, timeoutMs);
  }
  arm();

  return {
    signal: controller.signal,
    get stalled() {
      return stalled;
    },
    touch: () => {
      if (!stalled && !stopped) arm();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
