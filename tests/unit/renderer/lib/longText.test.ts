import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG_TEXT_BOX_CHARS, LONG_TEXT_CHARS, longTextRuns, textCuts } from '../../../../renderer/lib/longText';

// Pieces long texts are made of, the awkward ones included: pairs, accents, joined emoji, line ends.
const piece = fc.constantFrom('a', 'word ', 'א', 'สวัสดี', '漢', '😀', 'e\u0301', '👩\u200d👩\u200d👧', '☺\ufe0f', '\n', '  ', '\t');
const longText = fc.array(piece, { minLength: 1, maxLength: 6_000 }).map((pieces) => pieces.join(''));

describe('long text cut into runs', () => {
  it('cuts any text into runs that join to it, of about the box size, never inside a character', () => {
    fc.assert(
      fc.property(longText, (text) => {
        const cuts = textCuts(text, LONG_TEXT_BOX_CHARS);
        const bounds = [0, ...cuts, text.length];
        for (const [index, cut] of cuts.entries()) {
          expect(cut).toBeGreaterThan(bounds[index] ?? 0);
          // Not between a pair's halves, not before an accent, joiner or variation selector, not after a joiner.
          const code = text.charCodeAt(cut);
          expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
          expect(text.slice(cut)).not.toMatch(/^[\p{M}\p{Join_Control}]/u);
          expect(text[cut - 1]).not.toBe('\u200d');
        }
        expect(text.length - (cuts.at(-1) ?? 0)).toBeGreaterThan(cuts.length === 0 ? 0 : LONG_TEXT_BOX_CHARS / 2 - 1);
        for (let index = 1; index < bounds.length; index++) expect((bounds[index] ?? 0) - (bounds[index - 1] ?? 0)).toBeLessThanOrEqual(2 * LONG_TEXT_BOX_CHARS);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts after a line end where one is near, else after a space', () => {
    const lines = Array.from({ length: 400 }, (_, n) => `Line ${n} of a pasted log, with words.`).join('\n');
    const runs = longTextRuns(lines);
    expect(runs.length).toBeGreaterThan(20);
    expect(runs.join('')).toBe(lines);
    for (const run of runs.slice(0, -1)) expect(run.endsWith('\n')).toBe(true);
    const words = 'words and more words '.repeat(1_000);
    for (const run of longTextRuns(words).slice(0, -1)) expect(run.endsWith(' ')).toBe(true);
  });

  it('leaves a text shorter than the limit whole', () => {
    const text = 'a'.repeat(LONG_TEXT_CHARS - 1);
    expect(longTextRuns(text)).toEqual([text]);
  });
});
