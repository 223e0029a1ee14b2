/** Shared by the benchmarks: timing with percentiles, and plain-text tables. */

export interface Timing {
  p50: number;
  p95: number;
}

/** Runs `fn` `runs` times (after a warm-up) and returns p50 and p95 in ms. */
export function time(runs: number, fn: (run: number) => unknown): Timing {
  for (let n = 0; n < 3; n++) fn(n);
  const samples = Array.from({ length: runs }, (_, run) => {
    const start = performance.now();
    fn(run);
    return performance.now() - start;
  });
  return percentiles(samples);
}

/** p50 and p95 of samples in ms (p95 of fewer than 20 samples is their largest). */
export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs / 2)] ?? NaN, p95: samples[runs - 1] ?? NaN };
}

/** A plain-text table (console.table quotes every string). */
export function printTable(header: string[], body: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  console.info([line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(line)].join('\n'));
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (value: number): string => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
