import type { Usage } from '../../shared/ipc';

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A duration a person reads at a glance: "4.2 s", and past a minute "3 min 46 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return formatSeconds(ms);
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * Generation speed: completion tokens over the time spent generating them, which starts at
 * the first token (the wait before it is the queue and the prompt, not generation).
 * Null when a part is unknown or the answer came in one piece.
 */
export function tokensPerSecond(usage: Usage | null, firstTokenMs: number | null, durationMs: number | null): number | null {
  if (!usage || firstTokenMs === null || durationMs === null || usage.completionTokens === 0) return null;
  const generatingMs = durationMs - firstTokenMs;
  return generatingMs > 0 ? (usage.completionTokens * 1000) / generatingMs : null;
}

/** "12 tokens in · 340 out · first token 0.4 s · 3.2 s total · 121 tokens/s", leaving out what is unknown. */
export function formatUsage(usage: Usage | null, firstTokenMs: number | null, durationMs: number | null): string {
  const parts: string[] = [];
  if (usage) parts.push(`${usage.promptTokens} tokens in`, `${usage.completionTokens} out`);
  if (firstTokenMs !== null) parts.push(`first token ${formatSeconds(firstTokenMs)}`);
  if (durationMs !== null) parts.push(`${formatSeconds(durationMs)} total`);
  const rate = tokensPerSecond(usage, firstTokenMs, durationMs);
  if (rate !== null) parts.push(formatRate(rate));
  return parts.join(' · ');
}

/** "8.5 tokens/s", "121 tokens/s". */
export function formatRate(tokensPerSecond: number): string {
  return `${tokensPerSecond < 100 ? tokensPerSecond.toFixed(1) : Math.round(tokensPerSecond)} tokens/s`;
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 conversation", "3 conversations". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One formatter for the page: `toLocaleString` builds a new one on every call, and counts are shown on every streamed chunk. */
const COUNT_FORMAT = new Intl.NumberFormat();

/** "1,234": counts people read, grouped the way their locale groups them. */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}
