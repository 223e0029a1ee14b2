import { useEffect, useMemo, useState } from 'react';
import { isUnknownLanguage, loadLanguage, loadedGrammar } from './highlighter';
import type { ThemedToken } from 'shiki/core';
import { createIncrementalTokenizer } from './incrementalTokens';
import { whenIdle } from './whenIdle';

/**
 * Syntax tokens for a code block, or null while its grammar loads (the block shows plain code
 * meanwhile) and for languages shiki does not know. Once a grammar is loaded, tokenizing happens
 * in render, so a streamed chunk costs one render, not a render plus an update.
 */
export function useHighlightedCode(code: string, lang: string): ThemedToken[][] | null {
  const [tokenizer] = useState(createIncrementalTokenizer);
  const [, setLoadedLanguage] = useState('');
  const loaded = lang === '' ? null : loadedGrammar(lang);
  const waiting = lang !== '' && loaded === null && !isUnknownLanguage(lang);

  useEffect(() => {
    if (!waiting) return;
    let current = true;
    // Loading a grammar (the first time, the highlighter too) takes tens of ms: after the frame showing the plain code, not before it.
    const cancel = whenIdle(() => {
      loadLanguage(lang).then(
        () => current && setLoadedLanguage(lang),
        (error: unknown) => console.warn(`Highlighting for ${lang} failed to load`, error),
      );
    });
    return () => {
      current = false;
      cancel();
    };
  }, [lang, waiting]);

  return useMemo(() => (loaded ? tokenizer(loaded.highlighter, code, loaded.grammar) : null), [tokenizer, loaded, code]);
}
