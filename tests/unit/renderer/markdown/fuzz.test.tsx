// @vitest-environment jsdom
/**
 * The Markdown pipeline against generated input (issue 15, Proof): no text of up to 100,000
 * characters throws, fails to display, or keeps the renderer busy for more than a second in one
 * go. Text is built from the pieces Markdown is made of (and what breaks parsers: deep nesting,
 * long runs of delimiters, unclosed constructs, odd Unicode) repeated up to the size. The time is
 * the process's CPU time for the synchronous render. It is a bound against blow-ups (the seconds
 * to minutes that deep nesting once took), not a benchmark: on a machine so loaded that an ordinary
 * 100,000-character answer, rendered whole, takes more than a quarter of a second of CPU, the
 * bound is four times that answer's time instead of one second (a blow-up is a hundred times).
 */
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mathModule } from '../../../../renderer/features/markdown/lazyMath';
import { Markdown } from '../../../../renderer/features/markdown/Markdown';
import { MIXED_SAMPLE } from './sample';

const MAX_CHARS = 100_000;
let boundMs = 1_000;

beforeAll(async () => {
  await mathModule.load();
  // An ordinary answer of the largest size, rendered whole (as while streaming: no pieces).
  const ordinary = MIXED_SAMPLE.repeat(Math.ceil(MAX_CHARS / MIXED_SAMPLE.length)).slice(0, MAX_CHARS);
  const samples = Array.from({ length: 3 }, () => {
    const spent = cpuMs(() => render(<Markdown text={ordinary} streaming onOpenLink={() => undefined} />));
    cleanup();
    return spent;
  }).sort((a, b) => a - b);
  boundMs = Math.max(1_000, 4 * (samples[1] ?? 0));
  console.info(`Fuzz bound: ${boundMs.toFixed(0)} ms of CPU (an ordinary ${MAX_CHARS.toLocaleString('en')}-character answer: ${(samples[1] ?? 0).toFixed(0)} ms)`);
}, 600_000);
afterEach(cleanup);

const PIECES = [
  '>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '  ', '    ', '\t', '\n', '\n\n', '#', '## ', '---', '===', '***', '___',
  '*', '**', '_', '__', '~', '~~', '`', '``', '```', '~~~', '$', '$$', '\\(', '\\)', '\\[', '\\]', '[', ']', '(', ')', '![',
  '](', '<', '>', '</', '<!--', '-->', '<script>', '&amp;', '&#x3C;', '|', '| - |', '\\', '[^1]', '[^1]: ', '[r]: https://x.invalid',
  'https://good.example/', 'www.example.com', 'a@b.invalid', 'mailto:a@b.invalid?attach=x', 'word', 'two words', ' ', 'é', '東京',
  '🚀', '\u200d', '\u202e', '\ufeff', '\u0000', '\ud800', 'x^2', '\\frac{1}{2}', '```mermaid\n%%{init: {"htmlLabels": true}}%%\ngraph TD\n A-->B\n```',
];

/** A text: a random sequence of pieces and letters, repeated (with variation) up to `size` characters. */
const markdownText = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: MAX_CHARS }))
  .map(([pieces, size]) => {
    const unit = pieces.join('');
    let text = '';
    for (let round = 0; text.length < size; round++) text += round % 7 === 3 ? pieces.toReversed().join('') : unit;
    return text.slice(0, size);
  });

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('Markdown with generated input', () => {
  it('renders any text of up to 100,000 characters without throwing, failing, or a render over a second', { timeout: 600_000 }, () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fc.assert(
      fc.property(markdownText, fc.boolean(), (text, streaming) => {
        let container: HTMLElement | undefined;
        const spent = cpuMs(() => {
          container = render(<Markdown text={text} streaming={streaming} onOpenLink={() => undefined} />).container;
        });
        expect(container?.textContent).not.toContain('This answer could not be displayed.');
        expect(spent, `${text.length} characters`).toBeLessThan(boundMs);
        cleanup();
      }),
      // Shrinking 100,000-character texts takes minutes: report the failing text as found. 15 texts
      // of up to 100,000 characters keep the run to about a minute in jsdom on a 2-core machine.
      { numRuns: 15, endOnFailure: true },
    );
    expect(errors).not.toHaveBeenCalled();
  });
});
