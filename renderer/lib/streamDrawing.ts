/**
 * When a stream's text is drawn: its first text at once (time to first token, issue 16), what
 * follows once per animation frame, so a fast stream costs one render per frame rather than per
 * token. The chat's answers and Compare's columns draw through it.
 */

/** A hidden or minimized window paints no frames: what waits for the first text's frame waits no longer than this. */
const PAINT_WAIT_MAX_MS = 100;
export interface StreamDrawing {
  /** Text arrived and waits in the caller's buffer: drawn now if it is the first, else at the next frame. */
  arrived(): void;
  /** Draws what waits now, without a frame (before a tool call, at the end). */
  now(): void;
  /** Drops a frame still waiting; the next text is drawn at once again (a fresh attempt's first token). */
  drop(): void;
  /**
   * Runs `fn` once the frame that shows the first text has been painted, or at once when it has
   * been (or nothing was drawn yet). A short answer ends right after its first text: rendering its
   * end (the action bar, the footer) before that frame would hold the text back by as long.
   */
  afterFirstPaint(fn: () => void): void;
}

export function createStreamDrawing(draw: () => void): StreamDrawing {
  let frame = 0;
  let drawnOnce = false;
  /** What waits for the first text's frame to be painted; null when nothing has to wait. */
  let waitingForPaint: (() => void)[] | null = null;
  const drawNow = () => {
    frame = 0;
    draw();
  };
  const releaseWaiting = () => {
    const waiting = waitingForPaint ?? [];
    waitingForPaint = null;
    for (const fn of waiting) fn();
  };
  /**
   * After the next frame: its animation callbacks run before it paints, a task queued from one after.
   * A wait a dropped attempt started releases nothing later: a fresh attempt's first text has its own.
   */
  const waitForPaint = () => {
    const waiting: (() => void)[] = [];
    waitingForPaint = waiting;
    const release = () => {
      if (waitingForPaint === waiting) releaseWaiting();
    };
    requestAnimationFrame(() => setTimeout(release));
    setTimeout(release, PAINT_WAIT_MAX_MS);
  };
  const cancel = () => {
    cancelAnimationFrame(frame);
    frame = 0;
  };
  return {
    arrived() {
      if (drawnOnce) {
        if (!frame) frame = requestAnimationFrame(drawNow);
        return;
      }
      drawnOnce = true;
      drawNow();
      waitForPaint();
    },
    now() {
      cancel();
      drawNow();
    },
    drop() {
      cancel();
      drawnOnce = false;
      releaseWaiting();
    },
    afterFirstPaint(fn) {
      if (waitingForPaint) waitingForPaint.push(fn);
      else fn();
    },
  };
}
