import { describe, expect, it } from 'vitest';
import { normalizeMathDelimiters } from '../../../../renderer/features/markdown/mathDelimiters';
import { repairOpenBlock } from '../../../../renderer/features/markdown/streamingRepair';

describe('normalizeMathDelimiters', () => {
  it('rewrites \\(…\\) and \\[…\\] to dollar forms', () => {
    // Inline math as `$$…$$` keeps the length, so offsets in the rewrite are the answer's.
    expect(normalizeMathDelimiters('so \\( x^2 \\) and \\[y\\].')).toBe('so $$ x^2 $$ and $$y$$.');
    expect(normalizeMathDelimiters('\\[\n\\frac{a}{b}\n\\]')).toBe('$$\n\\frac{a}{b}\n$$');
  });

  it('leaves code spans, fenced code and escaped backslashes alone', () => {
    const fenced = '```tex\n\\(a\\)\n```\nafter \\(b\\)';
    expect(normalizeMathDelimiters(fenced)).toBe('```tex\n\\(a\\)\n```\nafter $$b$$');
    expect(normalizeMathDelimiters('`\\(a\\)` and \\(b\\)')).toBe('`\\(a\\)` and $$b$$');
    expect(normalizeMathDelimiters('$$a \\\\[2pt] b$$')).toBe('$$a \\\\[2pt] b$$');
  });

  it('leaves fenced code in a list item alone, however far in its item puts it', () => {
    // Item 10 puts its code four spaces in; a nested item's code goes further; a fence may follow the marker.
    for (const text of ['10. Run it:\n    ~~~sh\n    echo \\(a\\)\n    ~~~', '- a\n  - b\n\n    ~~~\n    \\[x\\]\n    ~~~', '- a\n  - ~~~\n    \\(a\\)\n    ~~~']) {
      expect(normalizeMathDelimiters(text), text).toBe(text);
    }
    // The item's end ends its code: math after it is math.
    expect(normalizeMathDelimiters('10. Run it:\n    ~~~\n    \\(a\\)\nafter \\(b\\)')).toBe('10. Run it:\n    ~~~\n    \\(a\\)\nafter $$b$$');
  });

  it('takes a code span to the next run of as many backticks only, as the parser does', () => {
    // One backtick then two: no code span, so the delimiters after it are math.
    expect(normalizeMathDelimiters('`a \\(b\\) ``')).toBe('`a $$b$$ ``');
    expect(normalizeMathDelimiters('``a` \\(b\\) ``')).toBe('``a` \\(b\\) ``');
  });

  it('leaves openers that never close as they are, however many, and still rewrites the pairs among them', () => {
    const unclosed = '\\['.repeat(40_000);
    expect(normalizeMathDelimiters(unclosed)).toBe(unclosed);
    // The one `\]` comes after a blank line, which no formula spans.
    expect(normalizeMathDelimiters(`${unclosed}\\(x\\) and \\[\n\ny\\]`)).toBe(`${unclosed}$$x$$ and \\[\n\ny\\]`);
  });
});

describe('repairOpenBlock', () => {
  it('completes a table header row that is still streaming', () => {
    expect(repairOpenBlock('| a | b |')).toBe('| a | b |\n| --- | --- |');
    expect(repairOpenBlock('Intro:\n| a | b |\n| :-')).toBe('Intro:\n| a | b |\n| --- | --- |');
    expect(repairOpenBlock('| a | b |\n| - | - |\n| 1 |')).toBe('| a | b |\n| - | - |\n| 1 |');
  });

  it('hides a half-typed closing fence', () => {
    expect(repairOpenBlock('```js\nx()\n``')).toBe('```js\nx()');
    expect(repairOpenBlock('$$\nx\n$')).toBe('$$\nx');
    expect(repairOpenBlock('```js\nx()\n')).toBe('```js\nx()\n');
  });

  it('leaves other text alone', () => {
    expect(repairOpenBlock('Just a paragraph with a | pipe')).toBe('Just a paragraph with a | pipe');
  });
});
