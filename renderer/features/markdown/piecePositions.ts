import type { Nodes } from 'mdast';

type Point = NonNullable<Nodes['position']>['start'];

/** Moves a point of a piece's tree to where the piece starts in the text (a piece starts a line: columns stay). */
function shift(point: Point | undefined, offset: number, lines: number): void {
  if (!point) return;
  point.line += lines;
  if (point.offset !== undefined) point.offset += offset;
}

/** Moves `node` and everything in it from a piece's positions to the text's: `offset` characters and `lines` lines on. */
export function shiftPositions(node: Nodes, offset: number, lines: number): void {
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    shift(next.position?.start, offset, lines);
    shift(next.position?.end, offset, lines);
    if ('children' in next) pending.push(...next.children);
  }
}

export function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
