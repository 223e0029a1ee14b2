const FENCE = /^ {0,3}(`{3,}|~{3,})/;

// Skipped as they are: code spans (any run of backticks to the same run) and escaped backslashes
// (so LaTeX's `\\[2pt]` stays); replaced: `\[…\]` and `\(…\)`, within one block (no blank line).
const DELIMITERS = /(`+)[\s\S]*?\1|\\\\|\\\[((?:(?!\n[ \t]*\n)[\s\S])+?)\\\]|\\\(((?:(?!\n[ \t]*\n)[\s\S])+?)\\\)/g;

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
  let fence: string | null = null;
  const flushProse = () => {
    if (prose.length > 0) out.push(replaceDelimiters(prose.join('\n')));
    prose = [];
  };
  for (const line of source.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker) {
      flushProse();
      fence = marker;
      out.push(line);
    } else if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      out.push(line);
    } else {
      prose.push(line);
    }
  }
  flushProse();
  return out.join('\n');
}

function replaceDelimiters(prose: string): string {
  return prose.replace(DELIMITERS, (match, _ticks: string | undefined, display: string | undefined, inline: string | undefined) => {
    const math = display ?? inline;
    return math === undefined ? match : `$$${math}$$`;
  });
}
