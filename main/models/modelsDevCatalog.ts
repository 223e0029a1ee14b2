/**
 * W&B's feed in the models.dev shape, `GET https://trace.wandb.ai/inference/modelsdev/models`:
 * an object of providers, each `{ id, name, models: { "<id>": { id, limit: { context, output },
 * modalities: { input, output }, reasoning, tool_call, cost: { input, output }, status } } }`,
 * with costs per million tokens. It carries prices the catalogue does not.
 */
import { contextOf, defined, flag, lifecycleOf, priceOf, read, record, text, visionOf, type LiveCatalog, type LiveModelInfo } from './catalogFields';

function entryOf(key: string, value: unknown): [string, LiveModelInfo] | null {
  const entry = read(record, value);
  if (!entry) return null;
  const reasons = read(flag, entry.reasoning);
  return [
    read(text, entry.id) ?? key,
    defined({
      contextWindow: contextOf(read(record, entry.limit)?.context),
      vision: visionOf(read(record, entry.modalities)?.input),
      reasoning: reasons === false ? 'none' : undefined,
      toolCalling: read(flag, entry.tool_call),
      lifecycle: lifecycleOf(entry.status),
      price: priceOf(entry.cost),
    }),
  ];
}

/** Every provider's models by id (W&B's feed holds W&B's provider only). */
export function parseModelsDev(body: unknown): LiveCatalog {
  const providers = read(record, body) ?? {};
  return Object.fromEntries(
    Object.values(providers).flatMap((provider) => {
      const models = read(record, read(record, provider)?.models) ?? {};
      return Object.entries(models).flatMap(([key, value]) => {
        const entry = entryOf(key, value);
        return entry ? [entry] : [];
      });
    }),
  );
}
