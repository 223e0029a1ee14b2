import { describe, expect, it } from 'vitest';
import { claimedDefinitions, mayDefine, referencedKeys } from '../../../../renderer/features/markdown/definitionLabels';
import { parseMarkdown } from '../../../../renderer/features/markdown/parseMarkdown';

describe('the labels a text refers to and seems to define', () => {
  it('finds bracketed labels, escaped brackets inside them too, and case-folds them as mdast does', () => {
    expect([...referencedKeys('see [Some  Label] and [a\\]b] and [^Note]')]).toEqual(['link some label', 'link a\\]b', 'footnote note']);
    expect([...claimedDefinitions('[X]: https://x.y\n[^n]: a note')]).toEqual([
      ['link x', 'X'],
      ['footnote n', 'n'],
    ]);
  });

  it('takes no escaped bracket for a label, as the parser does not; a bracket after an escaped backslash is one', () => {
    expect([...referencedKeys('\\[a] and \\\\[b] and \\\\\\[c]')]).toEqual(['link b']);
    expect(mayDefine('\\[x]: https://x.y')).toBe(false);
    // The parser agrees: an escaped bracket defines nothing.
    expect(parseMarkdown('\\[x]: https://x.y').children.map((node) => node.type)).toEqual(['paragraph']);
  });
});
