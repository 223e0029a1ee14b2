/**
 * A column's numbers. While it streams: the time to the first token and the speed, counting a
 * chunk as a token (what most servers send; the exact count comes with the usage at the end),
 * marked "≈". Once it has ended: the chat's usage line (tokens in and out, first token, total
 * time, tokens per second), and the cost when the model's price is known (never "$0" for an unknown one).
 */
import { formatCost, usageCost } from '../../../shared/cost';
import type { ModelInfo } from '../../../shared/ipc';
import { formatRate, formatSeconds, formatUsage, tokensPerSecond } from '../../lib/format';
import type { Column } from './compareRun';

export function columnStats(column: Column, price: ModelInfo['price']): string {
  if (column.status === 'streaming') {
    if (column.firstTokenMs === null) return 'Waiting for the first token…';
    const parts = [`first token ${formatSeconds(column.firstTokenMs)}`];
    const chunks = { promptTokens: 0, completionTokens: column.chunks, totalTokens: column.chunks };
    const rate = column.lastChunkAt === null ? null : tokensPerSecond(chunks, column.firstTokenMs, column.lastChunkAt - column.startedAt);
    if (rate !== null) parts.push(`≈ ${formatRate(rate)}`);
    return parts.join(' · ');
  }
  const cost = usageCost(column.usage, price);
  return [formatUsage(column.usage, column.firstTokenMs, column.durationMs), cost === null ? '' : formatCost(cost)].filter(Boolean).join(' · ');
}
