/**
 * Long text laid out in boxes. Chromium lays out a run of some text in time growing with the square
 * of its length when the run is in one box (100,000 characters of Latin and Hebrew letters by turns:
 * 4.7 s; Thai, or bidi controls: 1–2 s), and in proportion to it across boxes: a pasted question, a
 * reasoning, a tool's result or an answer's text this long is cut into runs, each in a box of its own
 * (LONG_TEXT_BOX_CLASS, base.css). A cut ends a line early where it is not at a line end; text this
 * long is far past what a person reads as one paragraph.
 */

/** Texts at least this long are laid out in boxes. */
export const LONG_TEXT_CHARS = 10_000;
/** About how many characters a box holds. */
export const LONG_TEXT_BOX_CHARS = 500;
export const LONG_TEXT_BOX_CLASS = 'long-text-box';

// A character that joins the one before it: a combining mark (variation selectors are marks too), a joiner.
const JOINS_BEFORE = /^[\p{M}\p{Join_Control}]/u;

/** Whether `value` may be cut before `at` without splitting a character: not inside a surrogate pair, not at a joining character or after a joiner. */
function cutsCleanly(value: string, at: number): boolean {
  const code = value.charCodeAt(at);
  return !(code >= 0xdc00 && code <= 0xdfff) && value[at - 1] !== '\u200d' && !JOINS_BEFORE.test(value.slice(at, at + 2));
}

/**
 * Where to cut `value` into runs of about `size` characters: after a line end where one is near,
 * else after a space, else between two characters, never inside one (an emoji, a letter and its
 * accents, a joined sequence). The last run is never shorter than half of `size`. Ascending offsets,
 * without 0 and the end.
 */
export function textCuts(value: string, size: number): number[] {
  const cuts: number[] = [];
  for (let at = 0; ; ) {
    let cut = Math.min(value.length, at + size);
    const near = value.slice(cut, cut + size / 4);
    const space = near.includes('\n') ? near.indexOf('\n') : near.search(/\s/);
    if (space !== -1) cut += space + 1;
    else while (cut < value.length && !cutsCleanly(value, cut)) cut++;
    if (value.length - cut < size / 2) return cuts;
    cuts.push(cut);
    at = cut;
  }
}

/** Where each run of `value` cut at textCuts(value, size) starts and ends. */
export function textRuns(value: string, size: number): { start: number; end: number }[] {
  const bounds = [0, ...textCuts(value, size), value.length];
  return bounds.slice(1).map((end, index) => ({ start: bounds[index] ?? 0, end }));
}

/** `text` as the runs its boxes hold, or whole when it is shorter than LONG_TEXT_CHARS. */
export function longTextRuns(text: string): string[] {
  if (text.length < LONG_TEXT_CHARS) return [text];
  return textRuns(text, LONG_TEXT_BOX_CHARS).map(({ start, end }) => text.slice(start, end));
}
