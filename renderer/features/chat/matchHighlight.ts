import { findMatches } from '../../../shared/searchText';

/** The name styles.css gives the look of a search match in a message (`::highlight(search-match)`). */
const HIGHLIGHT = 'search-match';

/** Where a message's own text is, apart from its header, reasoning and buttons: what search looks in (tool calls' arguments, results and errors too). */
const CONTENT = '.message-bubble, .message-content, .message-markdown, .tool-call-pre, .tool-call-error';

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The text nodes of a message's content and where each starts in their joined text. */
function textNodes(message: HTMLElement): { nodes: Text[]; starts: number[]; text: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (const content of message.querySelectorAll(CONTENT)) {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      starts.push(text.length);
      text += node.nodeValue ?? '';
    }
  }
  return { nodes, starts, text };
}

/** The node and offset of position `at` in the joined text (the last node starting at or before it). */
function locate(nodes: Text[], starts: number[], at: number): [Text, number] | null {
  let index = starts.length - 1;
  while (index > 0 && (starts[index] ?? 0) > at) index--;
  const node = nodes[index];
  return node ? [node, at - (starts[index] ?? 0)] : null;
}

/**
 * Marks every occurrence of `words` (from searchWords) in a message's text, with the CSS Custom
 * Highlight API: the rendered Markdown is not touched, so React and the Markdown renderer keep
 * their DOM. Returns the ranges, first match first; none where the API is missing.
 */
export function highlightMatches(message: HTMLElement, words: readonly string[]): Range[] {
  if (!supported() || words.length === 0) return [];
  const { nodes, starts, text } = textNodes(message);
  const ranges: Range[] = [];
  for (const match of findMatches(text, words)) {
    const start = locate(nodes, starts, match.start);
    const end = locate(nodes, starts, match.end);
    if (!start || !end) continue;
    const range = document.createRange();
    range.setStart(...start);
    range.setEnd(...end);
    ranges.push(range);
  }
  CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
  return ranges;
}

export function clearMatchHighlight(): void {
  if (supported()) CSS.highlights.delete(HIGHLIGHT);
}
