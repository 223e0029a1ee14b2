/**
 * Reading one field of a public catalogue entry at a time: a field that does not parse is left
 * out and the rest of the entry is kept, so one odd value never hides a model's other details.
 */
import { z } from 'zod';
import type { LifecycleStage, ModelInfo } from '../../shared/ipc';

/** What a catalogue said about one model: only the fields it gave. */
export type LiveModelInfo = Partial<ModelInfo>;
export type LiveCatalog = Record<string, LiveModelInfo>;

export const record = z.record(z.string(), z.unknown());
export const text = z.string().trim().min(1);
export const flag = z.boolean();
const amount = z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().finite().nonnegative());
const tokens = z.number().int().positive();

export function read<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const contextOf = (value: unknown): number | undefined => read(tokens, value);

/** Image input, from a list of input modalities (`["text", "image"]`). */
export function visionOf(modalities: unknown): boolean | undefined {
  const list = read(z.array(z.unknown()), modalities);
  return list?.some((modality) => modality === 'image');
}

/** A price per million tokens, `{ input, output }`; both or neither. */
export function priceOf(value: unknown): ModelInfo['price'] | undefined {
  const fields = read(record, value);
  if (!fields) return undefined;
  const input = read(amount, fields.input);
  const output = read(amount, fields.output);
  return input !== undefined && output !== undefined ? { input, output } : undefined;
}

const STAGES: Record<string, LifecycleStage> = {
  experimental: 'experimental',
  'general-availability': 'general-availability',
  deprecated: 'deprecated',
  retired: 'retired',
  // models.dev's `status`.
  alpha: 'experimental',
  beta: 'experimental',
};

export const lifecycleOf = (value: unknown): LifecycleStage | undefined => (typeof value === 'string' ? STAGES[value] : undefined);

/** The entry without the fields that were not given. */
export function defined(info: { [K in keyof ModelInfo]?: ModelInfo[K] | undefined }): LiveModelInfo {
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined)) as LiveModelInfo;
}
