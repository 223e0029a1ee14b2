import type { GrammarState, HighlighterCore, ThemedToken } from 'shiki/core';
import { beginsWith } from '../../lib/beginsWith';
import { CODE_THEME } from './highlighter';

/** Longer lines are shown without colours: nobody reads them for syntax, and they cost the most. */
const MAX_HIGHLIGHTED_LINE = 10_000;

/**
 * Tokenizes a growing code block line by line: complete lines are tokenized once and kept with the
 * grammar state after them, so each streamed chunk costs the new lines only, not the whole block.
 */
export function createIncrementalTokenizer() {
  let grammar = '';
  let complete = '';
  let lines: ThemedToken[][] = [];
  let state: GrammarState | undefined;

  // Same tokens on a busy machine as on an idle one: shiki's default 500 ms per line gives up
  // mid-line when the CPU is shared (the first line also compiles the grammar's patterns) and
  // colours the rest of the line as one token. Very long lines (minified code) stay plain instead.
  const tokenize = (highlighter: HighlighterCore, code: string, grammarState: GrammarState | undefined) =>
    highlighter.codeToTokens(code, { lang: grammar, theme: CODE_THEME, grammarState, tokenizeTimeLimit: 0, tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE });

  return (highlighter: HighlighterCore, code: string, grammarId: string): ThemedToken[][] => {
    const cut = code.lastIndexOf('\n') + 1;
    if (grammarId !== grammar || !beginsWith(code, complete) || cut < complete.length) {
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
