import { searchWords } from '../../shared/searchText';
import { gramQueryToken } from './searchGrams';

/** The trigram index cannot match fewer than 3 characters (code points). */
const TRIGRAM = 3;

export interface SearchPlan {
  /** The folded words a row must all contain (see shared/searchText.ts). */
  words: string[];
  /** The FTS5 tables that find candidates: trigrams when a word has 3+ characters, else the short-word index (008). */
  messageIndex: 'messages_fts' | 'messages_grams';
  titleIndex: 'conversations_fts' | 'conversations_grams';
  /** The same kind of index over answers' tool calls (011). */
  toolIndex: 'tool_calls_fts' | 'tool_calls_grams';
  /** Their FTS5 query: quoted phrases, implicitly ANDed, so nothing a user types is syntax. */
  match: string;
  /** Every row the index finds matches; otherwise the text is checked (long words beside short ones). */
  exact: boolean;
  /** Terms the index reads for it: a piece, or each 3-character window of a long word. */
  terms: number;
}

/** `"a""b"`: inside FTS5 double quotes every character is literal except the quote, which doubles. */
const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/** Pairs of a long word for the short-word index: rows holding them may hold the word. A few are selective enough. */
const PAIRS_PER_WORD = 6;

function pairsOf(word: string): string[] {
  const chars = [...word];
  const pairs = new Set(chars.slice(1).map((char, index) => `${chars[index]}${char}`));
  return [...pairs].slice(0, PAIRS_PER_WORD);
}

/**
 * What to ask the indexes for a query; null when it has no words. A word of 3+ characters is a
 * trigram phrase: the index compares positions, so "quaquaqua" finds only itself. Words of one or
 * two characters are single pieces of the short-word index. When both kinds are typed, the
 * short-word index takes them all in one query (a long word as a few of its pairs), so the index
 * intersects them, and the text check confirms the long words.
 */
export function planSearch(input: string): SearchPlan | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  const long = words.filter((word) => [...word].length >= TRIGRAM);
  if (long.length === words.length) {
    const terms = long.reduce((sum, word) => sum + [...word].length - TRIGRAM + 1, 0);
    return { words, messageIndex: 'messages_fts', titleIndex: 'conversations_fts', toolIndex: 'tool_calls_fts', match: long.map(quote).join(' '), exact: true, terms };
  }
  const pieces = new Set(words.flatMap((word) => ([...word].length >= TRIGRAM ? pairsOf(word) : [word])));
  return {
    words, messageIndex: 'messages_grams', titleIndex: 'conversations_grams', toolIndex: 'tool_calls_grams',
    match: [...pieces].map((piece) => quote(gramQueryToken(piece))).join(' '), exact: long.length === 0, terms: pieces.size,
  };
}
