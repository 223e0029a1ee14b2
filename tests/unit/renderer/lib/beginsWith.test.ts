import { describe, expect, it } from 'vitest';
import { beginsWith } from '../../../../renderer/lib/beginsWith';

describe('beginsWith', () => {
  it('answers as startsWith does, for an answer that grows and one that is replaced', () => {
    const answer = 'Steps:\n\n1. Install **Parley**.\n2. Add your key: `wandb`…\n\n| a | b |\n| - | - |\n| 東京 | 🚀 |\n';
    const cases: [string, string][] = [
      [answer, answer.slice(0, 40)],
      [answer, answer],
      [answer, ''],
      [answer.slice(0, 40), answer],
      [answer.replace('Install', 'Remove'), answer.slice(0, 40)],
      [answer, answer.slice(0, -1) + 'x'],
      // A surrogate pair cut in half is still a prefix, as startsWith says.
      [answer, answer.slice(0, answer.indexOf('🚀') + 1)],
      ['', ''],
      ['', 'a'],
    ];
    for (const [text, prefix] of cases) expect(beginsWith(text, prefix), JSON.stringify([text.slice(-12), prefix.slice(-12)])).toBe(text.startsWith(prefix));
  });
});
