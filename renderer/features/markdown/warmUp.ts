import { parseBlocks } from './blockSplitter';

/** A short answer with the block and inline kinds answers commonly hold. Parsed only: no formula is typeset. */
const SAMPLE = [
  '## Step 1: a heading',
  'A paragraph with **strong**, *emphasis*, `code`, ~~struck~~ text, [a link](https://example.com/docs) and https://example.com, $O(n)$.',
  '- an item\n- [x] a done task\n  - nested',
  '1. first\n2. second',
  '> A note in a quote.',
  '| Option | Default |\n| --- | ---: |\n| retries | 3 |',
  '```ts\nexport const answer = 42;\n```',
  '$$\n\\sum_{k=1}^{n} k\n$$',
].join('\n\n');

/**
 * Parses a short answer once, when the window is idle after the pipeline has loaded. V8 compiles a
 * function on its first call, so without this the first answer a window shows (a conversation opened
 * after start-up) pays for compiling the parser before it can paint.
 */
export function warmUpParser(): void {
  parseBlocks(SAMPLE, 0);
}
