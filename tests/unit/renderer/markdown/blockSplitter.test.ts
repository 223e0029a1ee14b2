import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlockSplitter } from '../../../../renderer/features/markdown/blockSplitter';
import { MIXED_SAMPLE } from './sample';

const PIECES = ['# Head\n', 'para text ', 'more\n', '\n', '\n\n', '- item\n', '  nested\n', '1. one\n', '> quote\n', '```js\n', '```\n', 'code();\n', '$$\n', 'x^2\n', '| a | b |\n', '| - | - |\n', '| 1 | 2 |\n', 'Title\n---\n', '***\n', '    indented\n', '<div>\n', '[r]: https://x.y\n', '[^1]: note\n', 'text[^1] ', '```a`b\n', '~~~\n', '- [ ] task\n', '$$x$$\n', '$y$ ', '<!-- c -->\n', '2. two\n', '    \n', ' | c |\n'];

const blocksOf = (text: string) => createBlockSplitter().split(text).map(({ start, source }) => ({ start, source }));

describe('block splitter', () => {
  it('splits at top-level blocks, and the blocks add up to the text', () => {
    const blocks = blocksOf(MIXED_SAMPLE);
    expect(blocks.map((block) => block.source).join('')).toBe(MIXED_SAMPLE);
    expect(blocks[0]?.source).toBe('# Résumé of the results 🚀\n\n');
    expect(blocks.some((block) => block.source.startsWith('```ts\n') && block.source.includes('console.log(answer);\n```'))).toBe(true);
  });

  it('gives the same blocks streamed in any chunks as split at once', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (pieces, sizes) => {
        const text = pieces.join('');
        const splitter = createBlockSplitter();
        for (let end = 0, step = 0; end < text.length; end += sizes[step++ % sizes.length] ?? 1) splitter.split(text.slice(0, end));
        expect(splitter.split(text).map(({ start, source }) => ({ start, source }))).toEqual(blocksOf(text));
      }),
      // A fixed seed: the suite gives the same answer on every run (a random one found the case below once in thousands).
      { numRuns: 1000, seed: 7 },
    );
  });

  it('keeps a definition in a setext heading\'s text in the heading\'s block, streamed as at once', () => {
    // The definition starts where the heading does: streamed, it once left a block of no text between them.
    const text = '\n\n[r]: https://x.y\nTitle\n---\n';
    const splitter = createBlockSplitter();
    for (let end = 1; end < text.length; end++) splitter.split(text.slice(0, end));
    expect(splitter.split(text).map(({ start, source }) => ({ start, source }))).toEqual(blocksOf(text));
    expect(blocksOf(text)).toEqual([{ start: 0, source: text }]);
  });

  it('parses the end again knowing what the blocks before it define, and nothing else about them', () => {
    // The footnote's stand-in before the end must not take in the indented code the end starts with.
    const text = '[^1]: note\n# Head\n    indented\ntext[^1] and [r]\n\n[r]: https://x.y\n';
    const splitter = createBlockSplitter();
    for (let end = 1; end <= text.length; end++) expect(splitter.split(text.slice(0, end)).map(({ source }) => source)).toEqual(blocksOf(text.slice(0, end)).map(({ source }) => source));
    expect(splitter.split(text).map((block) => block.type)).toEqual(['footnoteDefinition', 'heading', 'code', 'paragraph', 'definition']);
  });

  it('starts over when the text is replaced rather than extended', () => {
    const splitter = createBlockSplitter();
    splitter.split('First answer.\n\nSecond paragraph.');
    expect(splitter.split('Another answer.').map((block) => block.source)).toEqual(['Another answer.']);
  });
});
