// A character that joins the one before it: a combining mark (variation selectors are marks too), a joiner.
const JOINS_BEFORE = /^[\p{M}\p{Join_Control}]/u;

/** Whether `value` may be cut before `at` without splitting a character: not inside a surrogate pair, not at a joining character or after a joiner. */
function cutsCleanly(value: string, at: number): boolean {
  const code = value.charCodeAt(at);
  return !(code >= 0xdc00 && code <= 0xdfff) && value[at - 1] !== '\u200d' && !JOINS_BEFORE.test(value.slice(at, at + 2));
}

/**
 * Where to cut `value` into runs of about `size` characters: after a space where one is near, else
 * between two characters, never inside one (an emoji, a letter and its accents, a joined sequence).
 * The last run is never shorter than half of `size`. Ascending offsets, without 0 and the end.
 */
export function textCuts(value: string, size: number): number[] {
  const cuts: number[] = [];
  for (let at = 0; ; ) {
    let cut = Math.min(value.length, at + size);
    const space = value.slice(cut, cut + size / 4).search(/\s/);
    if (space !== -1) cut += space + 1;
    else while (cut < value.length && !cutsCleanly(value, cut)) cut++;
    if (value.length - cut < size / 2) return cuts;
    cuts.push(cut);
    at = cut;
  }
}
