/**
 * Makes a grammar's regular expressions before its first block is highlighted, a few at a time.
 *
 * shiki's JavaScript engine translates each Oniguruma pattern into a JavaScript RegExp the first time
 * a rule needs it, and V8 compiles that RegExp when it first runs. For the first TypeScript block that
 * is about 180 patterns and 200–500 ms in one go: a long task that freezes the window while the
 * answer streams. Here every pattern the grammar spells is made into the engine's own cache, in
 * slices of a few milliseconds with other tasks between them, so input, rendering and the stream are not held up.
 */

/** The longest a slice keeps the renderer busy, so a frame still fits around it. */
const SLICE_MS = 8;

/** The grammar keys whose values are patterns. */
const PATTERN_KEYS = new Set(['match', 'begin', 'end', 'while']);

/** An `end` or `while` that refers back to its `begin`'s captures is rebuilt for each match, never used as written. */
const BACK_REFERENCE = /\\[1-9]|\\k</;

/** The engine's cache: pattern → its RegExp, or why it has none (shiki then leaves the pattern out). */
export type RegexCache = Map<string, RegExp | Error>;

/** Every pattern `grammars` spell out, in their rules and repositories, once each. */
export function grammarPatterns(grammars: readonly object[]): string[] {
  const patterns = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'string') visit(value);
      else if (PATTERN_KEYS.has(key) && !((key === 'end' || key === 'while') && BACK_REFERENCE.test(value))) patterns.add(value);
    }
  };
  visit(grammars);
  return [...patterns];
}

/**
 * Resolves in a task of its own, after what is queued (a streaming answer's frames and messages, input).
 * Not in idle periods: while an answer streams they come about every 50 ms, which left the code plain for
 * seconds (the whole answer, in a UI run); between tasks, TypeScript is ready in about a second.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Patterns this long (TypeScript has a few of 6,000 characters) take tens of ms at each step: each
 * step gets a task of its own.
 */
const LONG_PATTERN = 1_000;

/** Puts a RegExp (compiled, by running it) or its error into `cache` for each pattern not there yet, slice by slice. */
async function warmPatterns(patterns: readonly string[], cache: RegexCache, compile: (pattern: string) => RegExp): Promise<void> {
  let sliceEnd = 0;
  /** Runs `work` in the current slice, unless that is spent or `work` is heavy: then after other tasks, in a new one. */
  const inSlice = async <T>(heavy: boolean, work: () => T): Promise<T> => {
    if (heavy || performance.now() >= sliceEnd) {
      await nextTask();
      sliceEnd = heavy ? 0 : performance.now() + SLICE_MS;
    }
    return work();
  };
  for (const pattern of patterns) {
    if (cache.has(pattern)) continue;
    const heavy = pattern.length > LONG_PATTERN;
    try {
      const regex = await inSlice(heavy, () => compile(pattern));
      // V8 compiles a RegExp to bytecode on its first run, and to machine code on its second.
      await inSlice(heavy, () => regex.exec(''));
      await inSlice(heavy, () => regex.exec(''));
      cache.set(pattern, regex);
    } catch (error) {
      cache.set(pattern, error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/**
 * Readies `grammars` (a language and those it embeds) slice by slice; last, in a task of its own,
 * `tokenizeSample`: the grammar's rules are built on its first line.
 */
export async function warmGrammar(grammars: readonly object[], cache: RegexCache, compile: (pattern: string) => RegExp, tokenizeSample: () => void): Promise<void> {
  await warmPatterns(grammarPatterns(grammars), cache, compile);
  await nextTask();
  tokenizeSample();
}
