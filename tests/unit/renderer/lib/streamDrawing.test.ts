// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStreamDrawing } from '../../../../renderer/lib/streamDrawing';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

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
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A hidden or minimized window: animation frames never come.
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const drawing = createStreamDrawing(() => undefined);
    const early = vi.fn();
    drawing.afterFirstPaint(early);
    expect(early).toHaveBeenCalledTimes(1);

    drawing.arrived();
    const ended = vi.fn();
    drawing.afterFirstPaint(ended);
    vi.advanceTimersByTime(99);
    expect(ended).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
