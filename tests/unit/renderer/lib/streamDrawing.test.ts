// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStreamDrawing, type StreamDrawing } from '../../../../renderer/lib/streamDrawing';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A drawing in a hidden or minimized window: animation frames never come, timers are faked. */
function drawingWithoutFrames() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('requestAnimationFrame', () => 1);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  return createStreamDrawing(() => undefined);
}

/** What waits for the first text's frame from now runs after `ms`, not a millisecond sooner. */
function expectToWait(drawing: StreamDrawing, ms: number) {
  const ended = vi.fn();
  drawing.afterFirstPaint(ended);
  vi.advanceTimersByTime(ms - 1);
  expect(ended).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(ended).toHaveBeenCalledTimes(1);
}

describe('stream drawing', () => {
  it('draws the first text at once and runs what waits for it after the frame that paints it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const draw = vi.fn();
    const ended = vi.fn();
    const drawing = createStreamDrawing(draw);
    drawing.arrived();
    expect(draw).toHaveBeenCalledTimes(1);
    drawing.afterFirstPaint(ended);
    expect(ended).not.toHaveBeenCalled();
    // The frame's animation callbacks run before it paints: still waiting then.
    vi.advanceTimersToNextFrame();
    expect(ended).not.toHaveBeenCalled();
    // The task it queued runs after the paint, long before the 100 ms bound.
    vi.advanceTimersByTime(1);
    expect(ended).toHaveBeenCalledTimes(1);
    // Once painted, nothing waits.
    const later = vi.fn();
    drawing.afterFirstPaint(later);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('runs at once what comes before any text, and waits no longer than 100 ms in a window that paints no frames', () => {
    const drawing = drawingWithoutFrames();
    const early = vi.fn();
    drawing.afterFirstPaint(early);
    expect(early).toHaveBeenCalledTimes(1);

    drawing.arrived();
    expectToWait(drawing, 100);
  });

  it('a fresh attempt waits for its own first text, not for the wait of the attempt it replaced', () => {
    const drawing = drawingWithoutFrames();
    drawing.arrived();
    const first = vi.fn();
    drawing.afterFirstPaint(first);
    vi.advanceTimersByTime(50);
    // Retried: the first attempt's text is dropped, and what waited for it runs.
    drawing.drop();
    expect(first).toHaveBeenCalledTimes(1);
    drawing.arrived();
    // The first attempt's bound passes 50 ms from now: the fresh text waits its own 100.
    expectToWait(drawing, 100);
  });
});
