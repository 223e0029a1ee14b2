import type { GrammarState, HighlighterCore, ThemedToken } from 'shiki/core';
import { CODE_THEME } from './highlighter';

/**
 * Tokenizes a growing code block line by line: complete lines are tokenized once and kept with the
 * grammar state after them, so each streamed chunk costs the new lines only, not the whole block.
 */
export function createIncrementalTokenizer() {
  let grammar = '';
  let complete = '';
  let lines: ThemedToken[][] = [];
  let state: GrammarState | undefined;

  const tokenize = (highlighter: HighlighterCore, code: string, grammarState: GrammarState | undefined) =>
    highlighter.codeToTokens(code, { lang: grammar, theme: CODE_THEME, grammarState });

  return (highlighter: HighlighterCore, code: string, grammarId: string): ThemedToken[][] => {
    const cut = code.lastIndexOf('\n') + 1;
    if (grammarId !== grammar || !code.startsWith(complete) || cut < complete.length) {
      grammar = grammarId;
      complete = '';
      lines = [];
      state = undefined;
    }
    if (cut > complete.length) {
      // Without its final newline: the new complete lines, and no empty line after them.
      const added = tokenize(highlighter, code.slice(complete.length, cut - 1), state);
      lines = [...lines, ...added.tokens];
      state = added.grammarState;
      complete = code.slice(0, cut);
    }
    const partial = code.slice(cut);
    const last = partial === '' ? [] : (tokenize(highlighter, partial, state).tokens[0] ?? []);
    return [...lines, last];
  };
}
