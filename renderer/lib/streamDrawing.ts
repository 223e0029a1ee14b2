/**
 * When a stream's text is drawn: its first text at once (time to first token, issue 16), what
 * follows once per animation frame, so a fast stream costs one render per frame rather than per
 * token. The chat's answers and Compare's columns draw through it.
 */
export interface StreamDrawing {
  /** Text arrived and waits in the caller's buffer: drawn now if it is the first, else at the next frame. */
  arrived(): void;
  /** Draws what waits now, without a frame (before a tool call, at the end). */
  now(): void;
  /** Drops a frame still waiting; the next text is drawn at once again (a fresh attempt's first token). */
  drop(): void;
}

export function createStreamDrawing(draw: () => void): StreamDrawing {
  let frame = 0;
  let drawnOnce = false;
  const drawNow = () => {
    frame = 0;
    draw();
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
    },
    now() {
      cancel();
      drawNow();
    },
    drop() {
      cancel();
      drawnOnce = false;
    },
  };
}
