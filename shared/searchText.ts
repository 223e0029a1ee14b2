/**
 * What a search matches, the same in main (which finds and snippets) and in the window (which
 * marks the match in the opened message): every word of the query as a substring, ignoring case
 * and the accents of Latin letters. The folding follows SQLite's `trigram remove_diacritics 1`
 * tokenizer, so the index and this code agree on what matches (tests/unit/main/history/searchFold).
 */

/** Long enough for anything a person types; bounds the work a pasted page could cause. */
const MAX_WORDS = 16;
const MAX_WORD_CHARS = 200;

/** Combining accents (U+0300–U+036F): the index drops them, alone or in a letter it decomposes. */
const ACCENTS = /[\u0300-\u036f]/gu;
/** Latin letters whose accents the index removes: Latin-1, Extended-A and -B, Extended Additional. */
const isLatin = (code: number): boolean => (code >= 0xc0 && code < 0x250) || (code >= 0x1e00 && code < 0x1f00);

/** Where SQLite's tables differ from the rule below: dotless ı and ǡ stay, the ångström sign is an a. */
const folded = new Map<number, string>([
  [0x131, 'ı'],
  [0x1e0, 'ǡ'],
  [0x1e1, 'ǡ'],
  [0x212b, 'a'],
]);

/**
 * One code point case-folded (ſ → s, ς → σ, µ → μ, as the index does: upper then lower case,
 * unless upper case is longer, as for ß), accents removed from Latin letters built on an ASCII
 * letter (é → e, but ǽ and ø stay); '' for a lone accent.
 */
export function foldCodePoint(code: number): string {
  let known = folded.get(code);
  if (known === undefined) {
    const char = String.fromCodePoint(code);
    const upper = char.toUpperCase();
    const lower = upper.length === char.length ? upper.toLowerCase() : char.toLowerCase();
    const bare = lower.normalize('NFD').replace(ACCENTS, '');
    known = isLatin(code) && bare.length === 1 && bare < '\x80' ? bare : lower.replace(ACCENTS, '');
    folded.set(code, known);
  }
  return known;
}

export interface FoldedText {
  text: string;
  /** `start[i]` is where the code point that produced `text[i]` starts in the original; one more entry for the end. */
  start: Int32Array;
}

/**
 * Every character whose fold is not simply its lower case (accented Latin, lone accents, the
 * case-fold specials), and a few more: text without them folds as `toLowerCase()` does, in
 * native code and to the same length. tests/unit/shared/searchText.test.ts checks every code point.
 */
export const FOLDS_BEYOND_CASE = /[\u0300-\u036f\u00b5\u00c0-\u024f\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c88\u1e00-\u1eff\u1fbe\u212b]/u;

/** `text` folded, with a map back to the original positions. */
export function foldText(text: string): FoldedText {
  if (!FOLDS_BEYOND_CASE.test(text)) {
    const start = new Int32Array(text.length + 1);
    for (let at = 0; at <= text.length; at++) start[at] = at;
    return { text: text.toLowerCase(), start };
  }
  let out = '';
  // Room for a fold that lengthens a character, which the case rules allow.
  const start = new Int32Array(text.length * 2 + 1);
  for (let at = 0; at < text.length; ) {
    if (text.charCodeAt(at) < 0xb5) {
      // A run that folds as lower case, at once: most text has spaces and punctuation between words.
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) < 0xb5) end++;
      for (let n = at; n < end; n++) start[out.length + n - at] = n;
      out += text.slice(at, end).toLowerCase();
      at = end;
      continue;
    }
    const code = text.codePointAt(at) ?? 0;
    const piece = foldCodePoint(code);
    for (let n = 0; n < piece.length; n++) start[out.length + n] = at;
    out += piece;
    at += code > 0xffff ? 2 : 1;
  }
  start[out.length] = text.length;
  return { text: out, start: start.subarray(0, out.length + 1) };
}

/** `text` folded; the common all-ASCII case without the position map. */
export const fold = (text: string): string => (FOLDS_BEYOND_CASE.test(text) ? foldText(text).text : text.toLowerCase());

/**
 * The words of a query, folded, without repeats: split on white space, at most 16 words of at
 * most 200 characters. Nothing is syntax: quotes, `*`, `AND`, `-` are text to find.
 */
export function searchWords(input: string): string[] {
  const words = fold(input.normalize('NFC'))
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => [...word].slice(0, MAX_WORD_CHARS).join(''));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** A matched stretch of the original text, `[start, end)` in UTF-16 units. */
export interface TextMatch {
  start: number;
  end: number;
  /** Which of the words it is. */
  word: number;
}

/**
 * Every occurrence of every word in `text`, in order, without overlaps (at one place the
 * longer word wins). `words` must come from searchWords.
 */
export function findMatches(text: string, words: readonly string[], source: FoldedText = foldText(text)): TextMatch[] {
  const found: TextMatch[] = [];
  words.forEach((word, index) => {
    for (let at = source.text.indexOf(word); at !== -1; at = source.text.indexOf(word, at + word.length)) {
      found.push({ start: source.start[at] ?? 0, end: source.start[at + word.length] ?? text.length, word: index });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextMatch[] = [];
  for (const match of found) {
    const last = kept.at(-1);
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}

/** Whether every word occurs in the folded text. */
export const containsAll = (foldedText: string, words: readonly string[]): boolean => words.every((word) => foldedText.includes(word));
