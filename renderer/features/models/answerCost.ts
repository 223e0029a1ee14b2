import { formatCost, usageCost } from '../../../shared/cost';
import type { ModelInfo, Usage } from '../../../shared/ipc';

/** " · $0.0042" after an answer's token counts; empty when the price or the usage is unknown (never "$0" for "unknown"). */
export function answerCostLabel(usage: Usage | null, info: ModelInfo | undefined): string {
  const cost = usageCost(usage, info?.price ?? null);
  return cost === null ? '' : ` · ${formatCost(cost)}`;
}
