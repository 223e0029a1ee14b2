import { describe, expect, it } from 'vitest';
import { findMatches, fold, foldCodePoint, FOLDS_BEYOND_CASE, foldText, searchWords } from '../../../shared/searchText';

const matchedText = (text: string, words: string[]) => findMatches(text, words).map(({ start, end }) => text.slice(start, end));

describe('search text', () => {
  it('folds case and the accents of Latin letters, and nothing else', () => {
    expect(fold('Crème BRÛLÉE Straße ǅemal ΟΔΟΣ Йод ſtadt µ')).toBe('creme brulee straße ǆemal οδοσ йод stadt μ');
    expect(fold('cre\u0301me')).toBe('creme'); // a decomposed accent goes too
    expect(fold('東京 🚀 ❤️')).toBe('東京 🚀 ❤️');
  });

  it('takes the fast path only where it gives the same text: every code point checked', () => {
    const missed: string[] = [];
    for (let code = 0x80; code < 0x30000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const char = String.fromCodePoint(code);
      if (foldCodePoint(code) !== char.toLowerCase() && !FOLDS_BEYOND_CASE.test(char)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('maps matches back to the original text, across accents, decomposed letters and emoji', () => {
    const text = 'A CRÈME brûlée, cre\u0301me again, 🚀 rocket 👨‍👩‍👧‍👦 family';
    expect(matchedText(text, searchWords('creme'))).toEqual(['CRÈME', 'cre\u0301me']);
    expect(matchedText(text, searchWords('rocket brulee'))).toEqual(['brûlée', 'rocket']);
    expect(matchedText(text, searchWords('🚀'))).toEqual(['🚀']);
    expect(matchedText(text, searchWords('👨‍👩‍👧‍👦'))).toEqual(['👨‍👩‍👧‍👦']);
    const { text: folded, start } = foldText(text);
    expect(start).toHaveLength(folded.length + 1);
  });

  it('prefers the longer word where two start at the same place, and never overlaps', () => {
    expect(matchedText('kubernetes kube', searchWords('kube kubernetes'))).toEqual(['kubernetes', 'kube']);
    expect(matchedText('aaaa', searchWords('aa'))).toEqual(['aa', 'aa']);
  });

  it('splits a query into at most 16 distinct words of at most 200 characters, nothing being syntax', () => {
    expect(searchWords('  "Quoted"  AND  quoted NEAR(x  ')).toEqual(['"quoted"', 'and', 'quoted', 'near(x']);
    expect(searchWords('word '.repeat(100))).toEqual(['word']);
    expect(searchWords(Array.from({ length: 30 }, (_, n) => `w${n}`).join(' '))).toHaveLength(16);
    expect([...(searchWords('x'.repeat(10_000))[0] ?? '')]).toHaveLength(200);
    expect(searchWords(' \n\t')).toEqual([]);
  });
});
