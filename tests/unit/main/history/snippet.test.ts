import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../../main/history/snippet';
import { searchWords } from '../../../../shared/searchText';

const render = (segments: ReturnType<typeof snippetOf>) => segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join('');

describe('snippets', () => {
  it('shows the place where the most different words are close together, on one line', () => {
    const text = `Kubernetes appears here first.\n\n${'Unrelated words fill this part of the answer. '.repeat(6)}Restart the kubernetes pod,\nthen read its logs.`;
    const snippet = render(snippetOf(text, searchWords('pod kubernetes')));
    expect(snippet).toMatch(/^….*Restart the \[kubernetes\] \[pod\], then read its logs\.$/u);
    expect(snippet).not.toContain('\n');
  });

  it('starts at a word near the match, ends with an ellipsis when cut, and never splits an emoji', () => {
    const text = `${'🚀'.repeat(40)} launch ${'🚀'.repeat(80)}`;
    const segments = snippetOf(text, searchWords('launch'));
    const joined = segments.map((segment) => segment.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['launch']);
    expect(joined).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
  });

  it('gives the start of the text when the words are not in it', () => {
    expect(render(snippetOf('Short text.', searchWords('absent')))).toBe('Short text.');
  });
});
