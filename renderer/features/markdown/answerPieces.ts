import type { Block } from './blockSplitter';
import { parseBlocks } from './blockSplitter';
import { findBlockCuts } from './blockCuts';

/** A run of whole blocks of a finished answer: parsed (its blocks) or not yet (null). */
export interface Piece {
  start: number;
  source: string;
  blocks: readonly Block[] | null;
  /** A height in px to hold the piece's place until it is rendered. */
  height: number;
}

/** About half a screenful of Markdown: the unit parsed and rendered at a time. */
export const PIECE_CHARS = 2_500;
/** More than a tall window shows of an answer (prose, code or tables): parsed from each end at once. */
const SCREEN_CHARS = 5_000;
/** Answers shorter than this are parsed and shown whole at once: cutting would save nothing. */
export const PROGRESSIVE_MIN_CHARS = 4 * SCREEN_CHARS;

export const parsePiece = (piece: Piece): Piece => (piece.blocks ? piece : { ...piece, blocks: parseBlocks(piece.source, piece.start) });

/**
 * A long finished answer as pieces, with the ones a person can be looking at when it opens already
 * parsed: the first (the answer read from its start) and the last (a conversation opens at its
 * end). The rest wait for idle time. Null when the answer is short or cannot be cut.
 */
export function planPieces(text: string): Piece[] | null {
  if (text.length < PROGRESSIVE_MIN_CHARS) return null;
  const cuts = findBlockCuts(text, PIECE_CHARS);
  if (cuts.length === 0) return null;
  const bounds = [0, ...cuts, text.length];
  const pieces = cuts.concat(text.length).map((end, index): Piece => {
    const start = bounds[index] ?? 0;
    const source = text.slice(start, end);
    return { start, source, blocks: null, height: estimateHeight(source) };
  });
  const onScreen = (piece: Piece) => piece.start < SCREEN_CHARS || piece.start + piece.source.length > text.length - SCREEN_CHARS;
  return pieces.map((piece) => (onScreen(piece) ? parsePiece(piece) : piece));
}

/** Close guesses keep the scrollbar steady while pieces arrive. */
function estimateHeight(source: string): number {
  let lines = 0;
  for (const line of source.split('\n')) lines += Math.max(1, Math.ceil(line.length / 100));
  return lines * 22;
}
