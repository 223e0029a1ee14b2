import type { LanguageRegistration } from 'shiki/core';

/**
 * Each grammar with its regular expressions already JavaScript's, one chunk per language or alias
 * (the package's file names), loaded when first used. Translating a grammar's Oniguruma patterns in
 * the page instead took hundreds of ms in one task at the first block of a language (TypeScript:
 * 220–500 ms while an answer streamed, in the streaming bench).
 */
const GRAMMARS = import.meta.glob<LanguageRegistration[]>(['../../../node_modules/@shikijs/langs-precompiled/dist/*.mjs', '!**/index.mjs'], { import: 'default' });
/** Aliases shiki knows that cannot be file names. */
const UNSPELLABLE_ALIASES = new Map([
  ['c++', 'cpp'],
  ['c#', 'csharp'],
  ['f#', 'fsharp'],
  ['文言', 'wenyan'],
]);

/** The grammars for `lang` (a name or alias, lower case), the language's own last; undefined where shiki has none. */
export function loadGrammars(lang: string): Promise<LanguageRegistration[]> | undefined {
  const name = UNSPELLABLE_ALIASES.get(lang) ?? lang;
  return GRAMMARS[`../../../node_modules/@shikijs/langs-precompiled/dist/${name}.mjs`]?.();
}
