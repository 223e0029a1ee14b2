import type { Usage } from '../../preload/contract';

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "12 tokens in · 340 out · first token 0.4 s · 3.2 s total", leaving out what is unknown. */
export function formatUsage(usage: Usage | null, firstTokenMs: number | null, durationMs: number | null): string {
  const parts: string[] = [];
  if (usage) parts.push(`${usage.promptTokens} tokens in`, `${usage.completionTokens} out`);
  if (firstTokenMs !== null) parts.push(`first token ${formatSeconds(firstTokenMs)}`);
  if (durationMs !== null) parts.push(`${formatSeconds(durationMs)} total`);
  return parts.join(' · ');
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 conversation", "3 conversations". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
