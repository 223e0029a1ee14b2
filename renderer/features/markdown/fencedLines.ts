/** A list item's marker after any indentation, and the spaces after it: its length is the item's content column. */
export const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/** The first characters, after indentation, of a list item's marker or a fence. */
const MAY_START = new Set(['-', '*', '+', '`', '~', '$', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** What a line is to fenced code: inside it (its closing fence included), its opening fence, or neither. */
export type FencedLine = 'code' | 'opens' | 'text';

/**
 * Follows fenced code through a text line by line, for the passes that must leave code as written
 * (the markup limits, the math delimiters). A fence counts at the margin (up to 3 spaces) and also
 * inside a list item: indented to the item's content (up to 3 spaces more), or right after the
 * item's marker. `10. Run it:` puts its code 4 spaces in, a nested item's further: read as text,
 * that code got a backslash or its `\(…\)` rewritten. A line indented less than the item's content
 * ends the item and its code with it. Items are only ever closed by a less indented item, so a line
 * may be taken for an item's code where the item has already ended: such a line is indented 4 or
 * more, code to the parser either way.
 *
 * `runs`: what opens a fence, as a pattern source (the markup limits also count `$$` math blocks).
 */
export function createFenceTracker(runs: string): (line: string) => FencedLine {
  const opening = new RegExp(`^([ \\t]*)(${runs})`);
  /** The open fence's run and the content column of the list item it is in (0 at the margin). */
  let fence: { run: string; column: number } | null = null;
  /** Content columns of the list items open at this line, innermost last: ascending, as each is further in than the one it is in. */
  const items: number[] = [];
  /** The innermost item whose content `indent` is in, up to 3 spaces more (a fence's indentation allows that much). */
  const itemAt = (indent: number): number | undefined => {
    let low = 0;
    let high = items.length;
    // The last column at or before `indent`, by halving: a text nested thousands deep must not cost a scan per line.
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((items[middle] ?? 0) <= indent) low = middle + 1;
      else high = middle;
    }
    const content = items[low - 1];
    return content !== undefined && indent <= content + 3 ? content : undefined;
  };

  const closes = (line: string, open: { run: string }): boolean => {
    const run = opening.exec(line)?.[2];
    return run !== undefined && run[0] === open.run[0] && run.length >= open.run.length && line.trim() === run;
  };

  return (line) => {
    let indent = 0;
    while (line[indent] === ' ' || line[indent] === '\t') indent++;
    const blank = indent === line.length;
    if (fence !== null && (blank || indent >= fence.column)) {
      if (closes(line, fence)) fence = null;
      return 'code';
    }
    fence = null;
    // Most lines start with a letter: neither an item's marker nor a fence's. A tab counts as up to 4
    // columns, so a fence after one may be indented code: none is opened there (a fence taken for open
    // where there is none would hide what follows from the markup limits).
    if (blank || !MAY_START.has(line[indent] ?? '') || line.slice(0, indent).includes('\t')) return 'text';
    const item = LIST_ITEM.exec(line);
    if (item) {
      while ((items.at(-1) ?? -1) > indent) items.pop();
      items.push(item[0].length);
      const run = opening.exec(line.slice(item[0].length))?.[2];
      if (run) {
        fence = { run, column: item[0].length };
        return 'opens';
      }
      return 'text';
    }
    const run = opening.exec(line)?.[2];
    if (!run) return 'text';
    const column = indent <= 3 ? 0 : itemAt(indent);
    if (column === undefined) return 'text';
    fence = { run, column };
    return 'opens';
  };
}
