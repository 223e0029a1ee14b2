import type { LifecycleStage, ModelInfo, ReasoningMode } from '../../../shared/ipc';

/** "262k context", "32.8k context", "1.05M context". */
export function contextLabel(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(2))}M context`;
  if (tokens >= 100_000) return `${Math.round(tokens / 1000)}k context`;
  if (tokens >= 1000) return `${Number((tokens / 1000).toFixed(1))}k context`;
  return `${tokens} context`;
}

const REASONING_LABELS: Record<ReasoningMode, string | null> = {
  always: 'Reasons always',
  'default-on': 'Reasoning on by default',
  'default-off': 'Reasoning off by default',
  none: null,
};

/** A price per million tokens: "$0.65", "$0.20", "$0.005". */
function perMillion(usd: number): string {
  return usd > 0 && usd < 0.01 ? `$${Number(usd.toPrecision(2))}` : `$${usd.toFixed(2)}`;
}

/** "$0.65 / $3.41 per 1M tokens" (in / out). */
export function priceLabel(price: NonNullable<ModelInfo['price']>): string {
  return `${perMillion(price.input)} / ${perMillion(price.output)} per 1M tokens`;
}

/** Stages worth a word in the picker; a model in general availability needs none. */
const STAGE_LABELS: Record<LifecycleStage, string | null> = {
  experimental: 'Experimental',
  'general-availability': null,
  deprecated: 'Deprecated',
  retired: 'Retired',
};

/** "Retired", "Deprecated", "Experimental"; null for a model in general availability or not known. */
export function stageLabel(info: ModelInfo | undefined): string | null {
  return info?.lifecycle ? STAGE_LABELS[info.lifecycle] : null;
}

/** What a picker row says about a model beyond its stage, leaving out what is not known. */
export function modelDetails(info: ModelInfo | undefined): string[] {
  if (!info) return [];
  const reasoning = info.reasoning && REASONING_LABELS[info.reasoning];
  return [
    info.contextWindow ? contextLabel(info.contextWindow) : null,
    info.vision ? 'Vision' : null,
    reasoning ?? null,
    info.toolCalling ? 'Tool calling' : null,
    info.price ? priceLabel(info.price) : null,
  ].filter((detail) => detail !== null);
}
