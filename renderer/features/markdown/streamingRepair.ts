const OPENING = /^ {0,3}(`{3,}|~{3,}|\${2,})/;
const TABLE_LINE = /^ {0,3}\|/;
const PARTIAL_DELIMITER_ROW = /^ {0,3}\|[\s|:-]*$/;

/**
 * Makes the still-growing last block of a streaming answer display sensibly. The parser already
 * shows an unterminated fence or `$$` as code or math to the end; this also hides a closing fence
 * that is half typed, and shows a table as soon as its header row exists rather than as a
 * paragraph of pipes until the delimiter row is complete.
 */
export function repairOpenBlock(source: string): string {
  const lines = source.replace(/\n+$/, '').split('\n');
  const opening = OPENING.exec(lines[0] ?? '')?.[1];
  const repaired = opening ? dropHalfClosingFence(lines, opening) : completeTableHeader(lines);
  return repaired ?? source;
}

function dropHalfClosingFence(lines: string[], opening: string): string | null {
  const last = lines.at(-1)?.trim() ?? '';
  const halfClosed = lines.length > 1 && last !== '' && last.length < opening.length && [...last].every((char) => char === opening[0]);
  return halfClosed ? lines.slice(0, -1).join('\n') : null;
}

/** `| a | b |` (+ a partial `| --`) at the end of the block → that header with a full delimiter row. */
function completeTableHeader(lines: string[]): string | null {
  let run = 0;
  while (run < lines.length && TABLE_LINE.test(lines[lines.length - 1 - run] ?? '')) run++;
  const header = lines[lines.length - run];
  if (header === undefined || run === 0 || run > 2) return null;
  if (run === 2 && !PARTIAL_DELIMITER_ROW.test(lines.at(-1) ?? '')) return null;
  const cells = header.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
  return [...lines.slice(0, lines.length - run + 1), `|${' --- |'.repeat(cells)}`].join('\n');
}
