import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayError, JsonArraySplitter } from '../../../../main/export/jsonArrayStream';

/** Feeds `text` in pieces cut at `cuts`, and collects the elements. */
function split(text: string, cuts: readonly number[]): string[] {
  const splitter = new JsonArraySplitter();
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const elements: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    elements.push(...splitter.push(text.slice(from, point)));
    from = point;
  }
  splitter.end();
  return elements;
}

/** Strings that trouble a scanner: quotes, backslashes, brackets, escapes, astral characters. */
const tricky = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('"', '\\', '\\"', '}', ']', '{[', ',', '\\u00e9', '\ue200cite\ue201', '😀', '\n\t'));
const element = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(tricky, fc.jsonValue({ maxDepth: 3 })) },
  fc.array(fc.oneof(tricky, fc.integer())),
  fc.constantFrom(null, true, 42, -1.5e3, 'text'),
);

describe('reading a JSON array element by element', () => {
  it('gives every element, exactly, however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (items, cuts, pretty) => {
        const text = pretty ? `\ufeff${JSON.stringify(items, null, 2)}\n` : JSON.stringify(items);
        expect(split(text, cuts).map((piece) => JSON.parse(piece) as unknown)).toEqual(JSON.parse(JSON.stringify(items)));
      }),
      { numRuns: 400 },
    );
  });

  it('says what is wrong with a file that is not one list, or stops inside it', () => {
    const fails = (text: string) => () => split(text, []);
    expect(fails('{"conversations": []}')).toThrow(new JsonArrayError('it does not start with a list ([)'));
    expect(fails('')).toThrow(new JsonArrayError('it is empty'));
    expect(fails('[{"title": "a"}, {"title": "b')).toThrow(new JsonArrayError('it ends in the middle of a conversation'));
    expect(fails('[{"title": "a"},')).toThrow(new JsonArrayError('its list never ends (no closing ])'));
    expect(fails('[] []')).toThrow(new JsonArrayError('there is more after the end of its list'));
  });
});
