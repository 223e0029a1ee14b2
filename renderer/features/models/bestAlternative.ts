import { providerOf } from './pickerSections';

const sharedPrefix = (a: string, b: string): number => {
  let length = 0;
  while (length < a.length && length < b.length && a[length]?.toLowerCase() === b[length]?.toLowerCase()) length += 1;
  return length;
};

/**
 * What to offer instead of a model the server no longer has: the same provider first, then the
 * closest name (the same family: "Llama-3.1-70B" for "Llama-3.1-8B"), then the user's favourites
 * and recent models, then the list's order. Null when nothing else is listed.
 */
export function bestAlternative(gone: string, models: readonly string[], preferred: readonly string[] = []): string | null {
  const provider = providerOf(gone).toLowerCase();
  const name = gone.slice(provider.length);
  const rank = (model: string) => [
    provider !== '' && providerOf(model).toLowerCase() === provider ? 1 : 0,
    sharedPrefix(model.slice(providerOf(model).length), name),
    preferred.includes(model) ? 1 : 0,
  ];
  let best: string | null = null;
  let bestRank: number[] = [];
  for (const model of models) {
    if (model === gone) continue;
    const candidate = rank(model);
    if (best === null || isGreater(candidate, bestRank)) {
      best = model;
      bestRank = candidate;
    }
  }
  return best;
}

/** Lexicographic comparison of two ranks of the same length. */
function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
