import type { HighlighterCore } from 'shiki/core';
import { warmGrammar, type RegexCache } from './grammarWarmUp';

export const CODE_THEME = 'parley';

export interface LoadedGrammar {
  highlighter: HighlighterCore;
  grammar: string;
}

interface Highlighting {
  core: HighlighterCore;
  /** The engine's RegExps by pattern, filled ahead of use by the warm-up. */
  regexes: RegexCache;
  /** The engine's translation of a pattern, the same for the warm-up. */
  compile: (pattern: string) => RegExp;
}

let highlighter: Promise<Highlighting> | undefined;
/** Language as written after the fence (lower case) → its loaded grammar, or null: shiki has none. */
const languages = new Map<string, LoadedGrammar | null>();
const loading = new Map<string, Promise<void>>();

/**
 * One shiki highlighter, created on first use. Fine-grained: the core, the JavaScript regex engine
 * (Oniguruma's WebAssembly would need `wasm-unsafe-eval` in the CSP) and a theme whose colours are CSS
 * variables, so light and dark are the stylesheet's business; grammars arrive one by one, as answers use them.
 */
function loadHighlighter(): Promise<Highlighting> {
  highlighter ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript')]).then(async ([core, engine]) => {
    const regexes: RegexCache = new Map();
    const compile = (pattern: string) => engine.defaultJavaScriptRegexConstructor(pattern, { target: 'auto' });
    const created = await core.createHighlighterCore({
      themes: [core.createCssVariablesTheme({ name: CODE_THEME, variablePrefix: '--md-code-' })],
      langs: [],
      engine: engine.createJavaScriptRegexEngine({ forgiving: true, cache: regexes, regexConstructor: compile }),
    });
    return { core: created, regexes, compile };
  });
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

/** Loads the highlighter and the grammar for `lang` (with the grammars it embeds), readied for use, once. */
export function loadLanguage(lang: string): Promise<void> {
  const key = lang.toLowerCase();
  let load = loading.get(key);
  if (!load) {
    load = (async () => {
      const [{ core, regexes, compile }, { bundledLanguagesInfo }] = await Promise.all([loadHighlighter(), import('shiki/langs')]);
      const info = bundledLanguagesInfo.find((candidate) => candidate.id === key || candidate.aliases?.includes(key));
      if (info) {
        const grammars = (await info.import()).default;
        await core.loadLanguage(grammars);
        // Before any block uses it: its first tokenizing would otherwise make every pattern it meets in one long task.
        await warmGrammar(grammars, regexes, compile, () => core.codeToTokens('x', { lang: info.id, theme: CODE_THEME }));
      }
      languages.set(key, info ? { highlighter: core, grammar: info.id } : null);
    })();
    loading.set(key, load);
  }
  return load;
}
