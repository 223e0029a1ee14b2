import type { Db } from './database';
import { fold } from '../../shared/searchText';

/**
 * The SQL function the short-word index (migration 008) is built with: the distinct 1- and
 * 2-character pieces of a folded text, each as an ASCII token (`x<code>` or `x<code>y<code>`,
 * code points in base 32), so SQLite's `ascii` tokenizer keeps each piece whole whatever its
 * script: a CJK pair, an emoji, a `%`. Pieces never span white space, as query words never do.
 *
 * It is part of the schema: the triggers call it on every write, and what it returns for a text
 * must never change without a migration that rebuilds the index.
 */
export const GRAMS_FUNCTION = 'parley_search_grams';

const token = (first: number, second?: number): string =>
  second === undefined ? `x${first.toString(32)}` : `x${first.toString(32)}y${second.toString(32)}`;

/** Exactly what `\s` matches, the split between query words (see searchWords). */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Pair keys sit above every code point, so one set holds both kinds. */
const PAIR = 0x110000;

/**
 * ASCII pieces, most of most texts, are marked in a reused bitmap (128 characters, then 128 × 128
 * pairs) with their tokens made once, instead of going through a Set of large numbers.
 */
const ASCII_SEEN = new Uint8Array(128 + 128 * 128);
const ASCII_TOKENS: string[] = [];
const asciiToken = (key: number): string =>
  (ASCII_TOKENS[key] ??= key < 128 ? token(key) : token(Math.floor((key - 128) / 128), (key - 128) % 128));

/** The index text of `text`: its distinct pieces, space-separated. Runs on every message write: kept lean. */
export function gramsOf(text: string): string {
  const folded = fold(text);
  const tokens: string[] = [];
  const marked: number[] = [];
  const others = new Set<number>();
  const add = (key: number, ascii: boolean) => {
    if (!ascii) others.add(key);
    else if (!ASCII_SEEN[key]) {
      ASCII_SEEN[key] = 1;
      marked.push(key);
      tokens.push(asciiToken(key));
    }
  };
  let previous = -1;
  for (let at = 0; at < folded.length; at++) {
    let code = folded.charCodeAt(at);
    if (code >= 0xd800 && code < 0xdc00 && at + 1 < folded.length) code = folded.codePointAt(at++) ?? code;
    if (isSpace(code)) {
      previous = -1;
      continue;
    }
    add(code, code < 128);
    if (previous >= 0) {
      const ascii = previous < 128 && code < 128;
      add(ascii ? 128 + previous * 128 + code : PAIR + previous * PAIR + code, ascii);
    }
    previous = code;
  }
  for (const key of marked) ASCII_SEEN[key] = 0;
  for (const key of others) tokens.push(key < PAIR ? token(key) : token(Math.floor(key / PAIR) - 1, key % PAIR));
  return tokens.join(' ');
}

/** The token that finds `word`, a folded query word of one or two code points. */
export function gramQueryToken(word: string): string {
  const [first = 0, second] = [...word].map((char) => char.codePointAt(0) ?? 0);
  return token(first, second);
}

/** Every connection registers it: the triggers of any write to a message call it. */
export function registerSearchFunctions(db: Db): void {
  db.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? gramsOf(text) : ''));
}
