/**
 * Grammars are readied before their first block (grammarWarmUp.ts): the patterns that block's
 * tokenizing meets are already made, so it no longer makes them all in one long task.
 */
import type * as JavaScriptEngine from 'shiki/engine/javascript';
import { describe, expect, it, vi } from 'vitest';
import { grammarPatterns } from '../../../../renderer/features/markdown/grammarWarmUp';
import { loadLanguage, loadedGrammar } from '../../../../renderer/features/markdown/highlighter';

// Every pattern the engine translates (vi.mock is hoisted above the imports).
const translated = vi.hoisted((): string[] => []);
vi.mock('shiki/engine/javascript', async (importOriginal) => {
  const original = await importOriginal<typeof JavaScriptEngine>();
  return {
    ...original,
    defaultJavaScriptRegexConstructor: (...args: Parameters<typeof original.defaultJavaScriptRegexConstructor>) => {
      translated.push(args[0]);
      return original.defaultJavaScriptRegexConstructor(...args);
    },
  };
});

const FIRST_BLOCK = 'export function step(input: string): number {\n  // Count the words.\n  return input.split(/\\s+/).filter(Boolean).length * 2;\n}';

describe('readying a grammar', () => {
  it('makes the patterns before the first block: tokenizing it translates none of them', async () => {
    await loadLanguage('ts');
    const loaded = loadedGrammar('ts');
    if (!loaded) throw new Error('TypeScript did not load');
    const before = translated.length;
    expect(before).toBeGreaterThan(300);
    const { tokens } = loaded.highlighter.codeToTokens(FIRST_BLOCK, { lang: loaded.grammar, theme: 'parley' });
    expect(tokens.flat().find((token) => token.content === 'function')?.color).toBe('var(--md-code-token-keyword)');
    // Without the warm-up this block made 180 of them as it went, in one task.
    expect(translated.length - before).toBe(0);
  }, 30_000);

  it('finds the patterns of rules, repositories and embedded grammars, leaving out ends rebuilt for each match', () => {
    const grammars = [
      {
        patterns: [{ match: 'a+' }, { begin: '(["\'])', end: '\\1' }, { include: '#inner' }],
        repository: { inner: { begin: '<<(\\w+)', while: '^\\s*\\w', patterns: [{ match: 'b+' }, { match: 'a+' }] } },
      },
      { patterns: [{ begin: 'x', end: 'y', captures: { 1: { name: 'match' } } }] },
    ];
    expect(grammarPatterns(grammars)).toEqual(['a+', '(["\'])', '<<(\\w+)', '^\\s*\\w', 'b+', 'x', 'y']);
  });
});
