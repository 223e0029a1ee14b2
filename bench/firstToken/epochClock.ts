/**
 * Epoch milliseconds with sub-millisecond precision, comparable across the bench's processes and with a
 * fresh page's `timeOrigin + now()`: anchored to the wall clock when the clock is made, not when the
 * process started (a process's `timeOrigin + now()` strays from the wall clock as it runs; after the
 * other benches in `npm run bench` it was 10 s off, and main's row printed −10,322 ms). The anchor is
 * taken as the wall clock's millisecond turns, so two processes agree to well under a millisecond.
 */
export function epochClock(): () => number {
  const start = Date.now();
  let turned = Date.now();
  while (turned === start) turned = Date.now();
  const anchor = turned - performance.now();
  return () => anchor + performance.now();
}
