import type { Nodes, Paragraph, PhrasingContent, Text } from 'mdast';
import type { Block } from './blockSplitter';
import { textRuns } from '../../lib/longText';

/** Paragraphs of at least this many inline nodes are shown in parts: fewer render in well under 0.1 s. */
export const MANY_INLINE_NODES = 1_000;
/** Paragraphs at least this long are shown in parts too: Chromium lays out a paragraph of some scripts in time growing with the square of its length. */
export const LONG_PARAGRAPH_CHARS = 10_000;
/** A part ends at the first line end past this many characters, or between any two inline nodes past twice as many. */
const PART_CHARS = 1_000;
/** A part after a paragraph's first: it continues the paragraph, with no gap above (markdown.css). */
export const PARAGRAPH_PART_CLASS = 'md-paragraph-part';

/**
 * A paragraph of thousands of inline nodes, or a long one, as blocks of about PART_CHARS characters
 * each, cut between its nodes or inside its texts (issue 15): one paragraph of thousands of code
 * spans or line breaks took seconds to render, lay out and paint whole (100,000 characters of
 * `` `a` ``: 1.9 s in Chromium), one of Latin and Hebrew letters by turns 4.7 s, Thai 1.0 s, where
 * its parts are rendered like any other blocks, the visible ones first (Chromium's cost is per
 * block). Inline elements stay whole and texts are cut between characters, so the parts show
 * exactly the paragraph's content; a cut after a hard line break is invisible, one elsewhere ends a
 * line early. A part's source alone is not Markdown for what it shows, so it is never parsed alone:
 * the parts are parsed again only as the whole paragraph, as one block is. The parts share the
 * paragraph's formula limit: each knows the formulas in the parts before it (a paragraph of hundreds
 * of formulas, rendered whole, took 0.8–1.4 s). `from` is where the block starts in the text its
 * tree's positions count from.
 */
export function paragraphParts(block: Block, from: number): Block[] {
  const [paragraph, ...definitions] = block.tree.children;
  if (paragraph?.type !== 'paragraph') return [block];
  if (paragraph.children.length < MANY_INLINE_NODES && block.source.length < LONG_PARAGRAPH_CHARS) return [block];
  const children = paragraph.children.flatMap((child): PhrasingContent[] => (child.type === 'text' ? textPieces(child) : [child]));
  const cuts = partCuts(children, from);
  if (cuts.length === 0) return [block];
  const bounds = [{ child: 0, at: 0 }, ...cuts, { child: children.length, at: block.source.length }];
  let formulasBefore = 0;
  return bounds.slice(0, -1).map(({ child, at }, index) => {
    const next = bounds[index + 1] ?? { child: children.length, at: block.source.length };
    const part: Paragraph = { type: 'paragraph', children: children.slice(child, next.child) };
    if (index > 0) part.data = { hProperties: { className: [PARAGRAPH_PART_CLASS] } };
    const paragraphShare = { start: block.start, part: index, formulasBefore };
    formulasBefore += formulasIn(part);
    return {
      start: block.start + at,
      source: block.source.slice(at, next.at),
      type: 'paragraph',
      tree: { type: 'root', children: [part, ...definitions] },
      paragraph: paragraphShare,
      ...(index > 0 ? { continued: true } : {}),
    };
  });
}

/**
 * Where parts begin: the index of the inline node and its offset in the block. Each part keeps at
 * least two nodes, so none is a lone `$…$` (which a paragraph shows as display math).
 */
function partCuts(children: readonly PhrasingContent[], from: number): { child: number; at: number }[] {
  const cuts: { child: number; at: number }[] = [];
  let partStart = 0;
  let partFirst = 0;
  for (let index = 2; index <= children.length - 2; index++) {
    const offset = children[index]?.position?.start.offset;
    if (offset === undefined) return [];
    const at = offset - from;
    const size = at - partStart;
    if (index - partFirst < 2 || size < PART_CHARS) continue;
    if (size >= 2 * PART_CHARS || endsLine(children[index - 1])) {
      cuts.push({ child: index, at });
      partStart = at;
      partFirst = index;
    }
  }
  return cuts;
}

/**
 * A text longer than a part as texts of about half a part each (textRuns; rendering joins
 * neighbouring texts again): a paragraph of one long text can be cut too. The pieces' offsets are
 * the text's own where its source is as long as its value, else spread evenly over its source
 * (escapes, entities): they only place the cuts.
 */
function textPieces(node: Text): Text[] {
  const start = node.position?.start;
  const end = node.position?.end;
  const size = PART_CHARS / 2;
  if (!start || !end || start.offset === undefined || end.offset === undefined || node.value.length <= 2 * size) return [node];
  const { value } = node;
  const written = end.offset - start.offset;
  const sourceAt = (at: number) => (start.offset ?? 0) + (written === value.length ? at : Math.round((at / value.length) * written));
  return textRuns(value, size).map(
    (run): Text => ({ type: 'text', value: value.slice(run.start, run.end), position: { start: { ...start, offset: sourceAt(run.start) }, end: { ...end, offset: sourceAt(run.end) } } }),
  );
}

const endsLine = (node: PhrasingContent | undefined): boolean => node?.type === 'break' || (node?.type === 'text' && node.value.endsWith('\n'));

/** The formulas in `node`. */
function formulasIn(node: Nodes): number {
  if (node.type === 'inlineMath') return 1;
  if (!('children' in node)) return 0;
  let count = 0;
  for (const child of node.children) count += formulasIn(child);
  return count;
}
