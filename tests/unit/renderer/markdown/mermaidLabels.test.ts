/**
 * Markup in a Mermaid label becomes Mermaid's `#lt;`/`#gt;` entities before Mermaid (and the DOMPurify
 * inside it) sees it; Mermaid's own syntax is untouched. The diagrams are written as Mermaid's
 * documentation writes them (flowchart line breaks, class annotations, sequence arrows).
 * That the labels then reach no parser as markup is checked in Chromium by
 * tests/e2e/security/xss.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { withLabelMarkupAsText } from '../../../../renderer/features/markdown/mermaidLabels';

describe('withLabelMarkupAsText', () => {
  it('writes the brackets of every tag in a label as #lt; and #gt;', () => {
    expect(withLabelMarkupAsText('graph TD\n  A["<script>x</script>"] --> B["<img src=x onerror=alert(1)>"]')).toBe(
      'graph TD\n  A["#lt;script#gt;x#lt;/script#gt;"] --> B["#lt;img src=x onerror=alert(1)#gt;"]',
    );
    expect(withLabelMarkupAsText('graph LR\n  A[<B>bold</b> <svg onload=alert(1)>] --> B')).toBe('graph LR\n  A[#lt;B#gt;bold#lt;/b#gt; #lt;svg onload=alert(1)#gt;] --> B');
  });

  it('writes a lone tag start as #lt; and never takes an arrow’s head for the end of a tag', () => {
    expect(withLabelMarkupAsText('graph TD\n  A["a<b"] --> B["c<d"] ==> C[e<f] -.-> D')).toBe('graph TD\n  A["a#lt;b"] --> B["c#lt;d"] ==> C[e#lt;f] -.-> D');
  });

  it('leaves Mermaid syntax alone', () => {
    const diagrams = [
      'flowchart LR\n  A[Hard edge] -->|Link text| B(Round edge)\n  B --> C{Decision}\n  A <--> D\n  A x--x E\n  A o--o F\n  G>Asymmetric] --- H',
      'flowchart TD\n  A["Line one<br>line two<br/>three<br />four<BR>five"]',
      'classDiagram\n  class Shape\n  <<interface>> Shape\n  Shape <|-- Circle\n  Animal "1" --> "*" Leg : has',
      'stateDiagram-v2\n  state fork_state <<fork>>\n  [*] --> fork_state',
      'sequenceDiagram\n  Alice->>John: Hello John, how are you?\n  John-->>Alice: Great!\n  Alice<<->>John: Both ways\n  Alice-)John: See you later!',
      'graph TD\n  A["1 < 2 and 3 > 2"] --> B',
    ];
    for (const diagram of diagrams) expect(withLabelMarkupAsText(diagram)).toBe(diagram);
  });
});
