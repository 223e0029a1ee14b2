/**
 * W&B's public model catalogue, `GET https://trace.wandb.ai/inference/catalog/models` (no key):
 * `{"models": [{ idPlayground, label, contextWindow, modalitiesInput, modalitiesOutput,
 * featureReasoning, featureToolCalling, lifecycleStage, descriptionShort, … }]}`, where
 * `idPlayground` is the id `/models` lists. Its price fields are not documented, so a price is
 * read only from a `{ input, output }` object under a name such feeds use.
 */
import { contextOf, defined, flag, lifecycleOf, priceOf, read, record, text, visionOf, type LiveCatalog, type LiveModelInfo } from './catalogFields';

const PRICE_FIELDS = ['price', 'pricing', 'cost'] as const;

function entryOf(value: unknown): [string, LiveModelInfo] | null {
  const entry = read(record, value);
  const id = entry && read(text, entry.idPlayground);
  if (!entry || id === undefined) return null;
  const reasons = read(flag, entry.featureReasoning);
  return [
    id,
    defined({
      contextWindow: contextOf(entry.contextWindow),
      vision: visionOf(entry.modalitiesInput),
      // "Reasons" says nothing of whether it can be switched off: only "does not" maps onto a mode.
      reasoning: reasons === false ? 'none' : undefined,
      toolCalling: read(flag, entry.featureToolCalling),
      lifecycle: lifecycleOf(entry.lifecycleStage),
      price: PRICE_FIELDS.map((name) => priceOf(entry[name])).find((price) => price !== undefined),
    }),
  ];
}

/** The catalogue's models by id; entries without an id, and fields that do not parse, are left out. */
export function parseWandbCatalog(body: unknown): LiveCatalog {
  const models = read(record, body)?.models;
  if (!Array.isArray(models)) return {};
  return Object.fromEntries(models.map(entryOf).filter((entry) => entry !== null));
}
