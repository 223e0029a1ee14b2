import { storable } from './snippet';

/** Long enough for anything a person types; bounds the work a pasted page could cause. */
const MAX_WORDS = 16;
const MAX_WORD_CHARS = 200;

/** The trigram index cannot match fewer than 3 characters (code points). */
const MIN_INDEXED_CHARS = 3;

export interface ParsedQuery {
  /** An FTS5 query of quoted phrases (implicit AND), or null when every word is short. */
  match: string | null;
  /** Words too short for the index, matched with LIKE. */
  shortWords: string[];
  /** All words, for marking matches in text found by LIKE. */
  words: string[];
}

/** `"a""b"`: inside FTS5 double quotes every character is literal except the quote, which doubles. */
const quote = (word: string): string => `"${word.replaceAll('"', '""')}"`;

/** LIKE pattern for a substring, with `\` as the escape character. */
export const likePattern = (word: string): string => `%${word.replace(/[\\%_]/gu, '\\$&')}%`;

/**
 * Turns what a user typed into a query that cannot be FTS5 syntax: every word quoted, so
 * `NEAR(`, `AND`, `col:`, `*`, `^`, `-` and stray quotes are just text. No trailing `*` for
 * prefix search: the trigram index already matches any substring, prefixes included.
 * Returns null for a query with no words.
 */
export function parseQuery(input: string): ParsedQuery | null {
  const words = storable(input.normalize('NFC'))
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((word) => [...word].slice(0, MAX_WORD_CHARS).join(''));
  if (words.length === 0) return null;
  const indexed = words.filter((word) => [...word].length >= MIN_INDEXED_CHARS);
  return {
    match: indexed.length > 0 ? indexed.map(quote).join(' ') : null,
    shortWords: words.filter((word) => [...word].length < MIN_INDEXED_CHARS),
    words,
  };
}
