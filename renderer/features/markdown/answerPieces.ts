import type { Block, SplitterStart } from './blockSplitter';
import { definitionsIn, parseBlocks, settledBlocks } from './blockSplitter';
import { closesFence, findBlockCuts, opensFence, type Fence } from './blockCuts';

/** A run of whole blocks of a finished answer: rendered (its blocks) or not yet (null). */
export interface Piece {
  start: number;
  source: string;
  blocks: readonly Block[] | null;
  /** A height in px to hold the piece's place until it is rendered. */
  height: number;
  /** Its blocks, parsed with the whole of an answer that could not be cut: rendering it needs no parse. */
  parsed?: readonly Block[];
}

/** A few paragraphs or one code block: the unit parsed and rendered at a time, so what opens on screen is little more than the screen. */
export const PIECE_CHARS = 1_000;
/** Answers shorter than this are parsed and shown whole at once: cutting would save nothing. */
export const PROGRESSIVE_MIN_CHARS = 20_000;

const parsePiece = (piece: Piece): Piece => (piece.blocks ? piece : { ...piece, blocks: piece.parsed ?? parseBlocks(piece.source, piece.start) });

/**
 * `pieces` with the one at `index` rendered (its blocks there). A piece the line scan left long (one
 * block, or blocks it could not cut between: a long paragraph) is parsed and cut into pieces of its
 * blocks first, and only the first of them rendered (the last, `fromEnd`): rendering it whole could
 * hold the window for seconds.
 */
export function renderPieceAt(pieces: readonly Piece[], index: number, fromEnd = false): Piece[] {
  const piece = pieces[index];
  if (!piece || piece.blocks) return [...pieces];
  const blocks = piece.parsed ?? parseBlocks(piece.source, piece.start);
  const cut = piece.source.length > 2 * PIECE_CHARS && blocks.length > 1 ? blockPieces(blocks) : [{ ...piece, parsed: blocks }];
  const shown = fromEnd ? cut.length - 1 : 0;
  return pieces.toSpliced(index, 1, ...cut.with(shown, parsePiece(cut[shown] as Piece)));
}

/**
 * A long finished answer as pieces, with the ones a person can be looking at when it opens already
 * parsed: a window's height (`windowPx`) from its start (the answer read from the top) and from its
 * end (a conversation opens at its end), or from its end only when that is where it opens. The rest
 * wait for idle time. An answer the line scan cannot cut (no blank lines, or link definitions) is
 * parsed whole at once, and its blocks are rendered in pieces the same way. Null when the answer is
 * short.
 */
export function planPieces(text: string, windowPx: number, shownFirst: 'both' | 'end'): Piece[] | null {
  if (text.length < PROGRESSIVE_MIN_CHARS) return null;
  const cuts = findBlockCuts(text, PIECE_CHARS);
  if (cuts.length > 0) return piecesAt(text, cuts, windowPx, shownFirst);
  return shownParsed(blockPieces(parseBlocks(text, 0)), windowPx, shownFirst);
}

/**
 * The part of a long answer still streaming that no text to come can change, as planPieces plans a
 * finished one, and where the splitter takes over for the rest. For an answer shown for the first
 * time when already long (its conversation opened, or its row scrolled back into view, while it
 * streams). Null when it is short.
 */
export function planStreamingHead(text: string, windowPx: number, shownFirst: 'both' | 'end'): { pieces: Piece[]; splitter: SplitterStart } | null {
  if (text.length < PROGRESSIVE_MIN_CHARS) return null;
  // A cut is final once the line after it is whole: a line still arriving ("1") may become a list item ("1. one") that joins what is above.
  const cuts = findBlockCuts(text, PIECE_CHARS).filter((cut) => text.includes('\n', cut));
  const end = cuts.pop();
  if (end !== undefined) return { pieces: piecesAt(text.slice(0, end), cuts, windowPx, shownFirst), splitter: { from: end, text: '', blocks: [], definitions: [] } };
  // No final cut: parsed whole once; the blocks nothing to come can change are rendered in pieces, the splitter keeps the rest.
  const blocks = parseBlocks(text, 0);
  const settled = settledBlocks(blocks);
  const head = blocks.slice(0, settled);
  return {
    pieces: shownParsed(blockPieces(head), windowPx, shownFirst),
    splitter: { from: blocks[settled]?.start ?? 0, text, blocks: blocks.slice(settled), definitions: definitionsIn(head) },
  };
}

/** `text` cut at `cuts` into pieces, those covering a window at the ends `shownFirst` names parsed. */
function piecesAt(text: string, cuts: readonly number[], windowPx: number, shownFirst: 'both' | 'end'): Piece[] {
  const bounds = [0, ...cuts, text.length];
  const pieces = [...cuts, text.length].map((end, index): Piece => {
    const start = bounds[index] ?? 0;
    const source = text.slice(start, end);
    return { start, source, blocks: null, height: estimateHeight(source) };
  });
  return shownParsed(pieces, windowPx, shownFirst);
}

/** Parsed blocks in runs of about PIECE_CHARS, not rendered yet. */
function blockPieces(blocks: readonly Block[]): Piece[] {
  const pieces: Piece[] = [];
  for (let first = 0; first < blocks.length; ) {
    let end = first;
    let chars = 0;
    while (end < blocks.length && chars < PIECE_CHARS) chars += blocks[end++]?.source.length ?? 0;
    const run = blocks.slice(first, end);
    const source = run.map((block) => block.source).join('');
    pieces.push({ start: run[0]?.start ?? 0, source, blocks: null, height: estimateHeight(source), parsed: run });
    first = end;
  }
  return pieces;
}

/** `pieces` with those covering a window at the ends `shownFirst` names parsed and rendered. */
function shownParsed(pieces: readonly Piece[], windowPx: number, shownFirst: 'both' | 'end'): Piece[] {
  const fromStart = shownFirst === 'both' ? renderCovering(pieces, windowPx, false) : pieces;
  return renderCovering(fromStart, windowPx, true);
}

/**
 * `pieces` with the first ones (the last, `fromEnd`) rendered until their estimated heights cover a
 * window. The conversation's view is shorter than the window (the top bar, the composer), which
 * leaves room for estimates that run long (blank lines); prose that wraps more than estimated only
 * renders more than needed. 1.5 windows rendered about three times the view, all of it on the path
 * of opening the conversation.
 */
function renderCovering(pieces: readonly Piece[], windowPx: number, fromEnd: boolean): Piece[] {
  let rendered = [...pieces];
  let height = 0;
  for (let step = 0; height < windowPx && step < rendered.length; step++) {
    // Counted from the end, a piece cut in pieces of its blocks leaves the last of them at the same distance from the end.
    const at = (count: number) => (fromEnd ? count - 1 - step : step);
    rendered = renderPieceAt(rendered, at(rendered.length), fromEnd);
    height += rendered[at(rendered.length)]?.height ?? 0;
  }
  return rendered;
}

/**
 * Close guesses keep the scrollbar steady while pieces arrive, and decide how much of an answer is
 * rendered at once: about 100 characters to a line of prose, one line to a line of fenced code
 * (it scrolls sideways, never wraps). Fences are recognised as the block cuts recognise them, so a
 * fence shown inside a longer one does not end it.
 */
export function estimateHeight(source: string): number {
  let lines = 0;
  let code: Fence | null = null;
  for (const line of source.split('\n')) {
    if (code) {
      lines += 1;
      if (closesFence(line, code)) code = null;
      continue;
    }
    lines += Math.max(1, Math.ceil(line.length / 100));
    const fence = opensFence(line);
    // `$$` math is TeX, not code: its lines are counted as before.
    if (fence && fence.marker[0] !== '$') code = fence;
  }
  return lines * 22;
}
