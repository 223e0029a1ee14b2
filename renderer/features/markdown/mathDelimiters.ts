import { createFenceTracker } from './fencedLines';

/**
 * Rewrites LaTeX's bracket delimiters, which models often use, to the dollar forms remark-math reads:
 * `\[…\]` → `$$…$$` and `\(…\)` → `$$…$$` (inline math too, as `$$` inside a line is). The
 * length stays the same, so offsets in the rewritten text are offsets in the answer: one parse
 * serves both. Fenced code is left alone.
 */
export function normalizeMathDelimiters(source: string): string {
  if (!source.includes('\\[') && !source.includes('\\(')) return source;
  const out: string[] = [];
  let prose: string[] = [];
  const fenced = createFenceTracker('`{3,}|~{3,}');
  const flushProse = () => {
    if (prose.length > 0) out.push(replaceDelimiters(prose.join('\n')));
    prose = [];
  };
  for (const line of source.split('\n')) {
    if (fenced(line) === 'text') {
      prose.push(line);
    } else {
      flushProse();
      out.push(line);
    }
  }
  flushProse();
  return out.join('\n');
}

/**
 * Replaces `\[…\]` and `\(…\)` within one block (no blank line inside); skips code spans (a run of
 * backticks to the next run as long) and escaped backslashes (so LaTeX's `\\[2pt]` stays), as they
 * are. One pass, each search going on from where the last one ended: a run of ten thousand
 * unclosed `\[` once took 1.5 s, every one searching to the end (issue 15).
 */
function replaceDelimiters(prose: string): string {
  const nextFrom = firstFrom(prose);
  const backtickRuns = runsOfBackticks(prose);
  const pieces: string[] = [];
  let copied = 0;
  const special = /[`\\]/g;
  for (let match = special.exec(prose); match !== null; match = special.exec(prose)) {
    const at = match.index;
    if (prose[at] === '`') {
      const run = backtickRuns.lengthAt.get(at) ?? 1;
      const close = backtickRuns.next(run, at + run);
      special.lastIndex = close === -1 ? at + run : close + run;
      continue;
    }
    const after = prose[at + 1];
    if (after === '\\') special.lastIndex = at + 2;
    if (after !== '[' && after !== '(') continue;
    // At least one character inside, and no blank line before the closing delimiter.
    const close = nextFrom(after === '[' ? '\\]' : '\\)', at + 3);
    const blankLine = nextFrom(BLANK_LINE, at + 2);
    if (close === -1 || (blankLine !== -1 && blankLine < close)) continue;
    pieces.push(prose.slice(copied, at), '$$', prose.slice(at + 2, close), '$$');
    copied = close + 2;
    special.lastIndex = copied;
  }
  return pieces.length === 0 ? prose : pieces.join('') + prose.slice(copied);
}

const BLANK_LINE = /\n[ \t]*\n/g;

/**
 * Where `needle` (a string, or a global pattern) first occurs in `text` at or after `from`, -1 if
 * nowhere. Each search remembers where it ended, so asking again from further on reads nothing twice.
 */
function firstFrom(text: string): (needle: string | RegExp, from: number) => number {
  const found = new Map<string | RegExp, { from: number; at: number }>();
  return (needle, from) => {
    const last = found.get(needle);
    if (last && from >= last.from && (last.at === -1 || from <= last.at)) return last.at;
    let at: number;
    if (typeof needle === 'string') at = text.indexOf(needle, from);
    else {
      needle.lastIndex = from;
      at = needle.exec(text)?.index ?? -1;
    }
    found.set(needle, { from, at });
    return at;
  };
}

/** The runs of backticks in `text`: each one's length by where it starts, and the next run of a length from a place on. */
function runsOfBackticks(text: string): { lengthAt: Map<number, number>; next: (length: number, from: number) => number } {
  const lengthAt = new Map<number, number>();
  const startsByLength = new Map<number, number[]>();
  for (const run of text.matchAll(/`+/g)) {
    lengthAt.set(run.index, run[0].length);
    const starts = startsByLength.get(run[0].length) ?? [];
    starts.push(run.index);
    startsByLength.set(run[0].length, starts);
  }
  const next = (length: number, from: number): number => {
    const starts = startsByLength.get(length) ?? [];
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? 0) < from) low = middle + 1;
      else high = middle;
    }
    return starts[low] ?? -1;
  };
  return { lengthAt, next };
}
