import { describe, expect, it } from 'vitest';
import { isUnknownLanguage, loadLanguage, loadedGrammar } from '../../../../renderer/features/markdown/highlighter';

/** The colour variable of the token that holds `text` in `code`, highlighted as `lang`. */
async function colourOf(lang: string, code: string, text: string): Promise<string | undefined> {
  await loadLanguage(lang);
  const loaded = loadedGrammar(lang);
  if (!loaded) return undefined;
  const { tokens } = loaded.highlighter.codeToTokens(code, { lang: loaded.grammar, theme: 'parley' });
  return tokens.flat().find((token) => token.content.trim() === text)?.color;
}

describe('grammars for code blocks', () => {
  it('loads a language by the name or alias an answer writes after its fence, in any case', async () => {
    expect(await colourOf('TS', 'const x: number = 1;', 'const')).toBe('var(--md-code-token-keyword)');
    expect(loadedGrammar('ts')?.grammar).toBe('typescript');
    expect(await colourOf('python', 'def f():\n    return 1', 'def')).toBe('var(--md-code-token-keyword)');
    await loadLanguage('sh');
    expect(loadedGrammar('sh')?.grammar).toBe('shellscript');
  }, 30_000);

  // Strings are where a grammar's patterns are hardest (an end that refers back to its beginning):
  // precompiled grammars, tried to save the translation of patterns, left these plain.
  it('colours strings as strings, in Python and in shell', async () => {
    expect(await colourOf('python', 'print(x.sort_values("mean", ascending=False))', '"mean"')).toBe('var(--md-code-token-string-expression)');
    expect(await colourOf('bash', 'echo "hi $USER" # note', '"hi $USER"')).toBe('var(--md-code-token-string-expression)');
  }, 30_000);

  it('loads the aliases that cannot be file names (c++, c#, f#)', async () => {
    for (const [alias, grammar] of [
      ['c++', 'cpp'],
      ['C#', 'csharp'],
      ['f#', 'fsharp'],
    ] as const) {
      await loadLanguage(alias);
      expect(loadedGrammar(alias)?.grammar).toBe(grammar);
    }
  }, 30_000);

  it('leaves unknown names plain, including ones that look like paths or object keys', async () => {
    for (const name of ['klingon', '__proto__', 'constructor', '../index', 'index', 'dist/typescript', '']) {
      await loadLanguage(name);
      expect(loadedGrammar(name)).toBeNull();
      expect(isUnknownLanguage(name)).toBe(true);
    }
  }, 30_000);
});
