/**
 * What tokens cost, from a model's published price per million tokens. Shared by main (usage
 * totals) and the page (per answer, per conversation, Compare); no zod, so the page may import it.
 */
import type { ModelInfo, Usage } from './ipc';

/** US dollars for one answer's usage; null when the price or the usage is unknown. */
export function usageCost(usage: Usage | null, price: ModelInfo['price']): number | null {
  if (!usage || !price) return null;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}

/** "$0.0042", "$1.27": amounts under a dime keep two significant digits, so a cheap answer is not "$0.00". */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 0.1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(2).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}`;
}
