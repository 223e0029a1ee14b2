import type { HighlighterCore } from 'shiki/core';

export const CODE_THEME = 'parley';

export interface LoadedGrammar {
  highlighter: HighlighterCore;
  grammar: string;
}

let highlighter: Promise<HighlighterCore> | undefined;
/** Language as written after the fence (lower case) → its loaded grammar, or null: shiki has none. */
const languages = new Map<string, LoadedGrammar | null>();
const loading = new Map<string, Promise<void>>();

/**
 * One shiki highlighter, created on first use. Fine-grained: the core, the JavaScript regex engine
 * (Oniguruma's WebAssembly would need `wasm-unsafe-eval` in the CSP) and a theme whose colours are CSS
 * variables, so light and dark are the stylesheet's business; grammars arrive one by one, as answers use them.
 */
function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript')]).then(([core, engine]) =>
    core.createHighlighterCore({
      themes: [core.createCssVariablesTheme({ name: CODE_THEME, variablePrefix: '--md-code-' })],
      langs: [],
      engine: engine.createJavaScriptRegexEngine({ forgiving: true }),
    }),
  );
  return highlighter;
}

/** The grammar for `lang` if loaded (the same object every time); null if not loaded yet or unknown. */
export function loadedGrammar(lang: string): LoadedGrammar | null {
  return languages.get(lang.toLowerCase()) ?? null;
}

/** Whether `lang` has been looked for and has no grammar: such blocks stay plain. */
export function isUnknownLanguage(lang: string): boolean {
  return languages.get(lang.toLowerCase()) === null;
}

/** Loads the highlighter and the grammar for `lang` (with the grammars it embeds), once. */
export function loadLanguage(lang: string): Promise<void> {
  const key = lang.toLowerCase();
  let load = loading.get(key);
  if (!load) {
    load = (async () => {
      const [core, { bundledLanguagesInfo }] = await Promise.all([loadHighlighter(), import('shiki/langs')]);
      const info = bundledLanguagesInfo.find((candidate) => candidate.id === key || candidate.aliases?.includes(key));
      if (info) await core.loadLanguage(await info.import());
      languages.set(key, info ? { highlighter: core, grammar: info.id } : null);
    })();
    loading.set(key, load);
  }
  return load;
}
