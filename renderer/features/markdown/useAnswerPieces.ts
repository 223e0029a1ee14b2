import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Block } from './blockSplitter';
import { createBlockSplitter } from './blockSplitter';
import type { Piece } from './answerPieces';
import { parsePiece, planPieces } from './answerPieces';
import { whenIdle } from './whenIdle';

/** Streamed blocks are grouped so a chunk compares one group per 32 blocks, not every block. */
const GROUP_SIZE = 32;
/** Pieces parsed per idle callback: small enough that rendering them is no long task. */
const PIECES_PER_IDLE = 2;

/** What the answer renders: runs of blocks (null: not parsed yet, holding its place) and which block still streams. */
export interface BlockRun {
  key: string;
  blocks: readonly Block[] | null;
  /** The height in px that holds the place of a run not parsed yet. */
  height: number;
  /** Index of the streaming block within the run, or -1. */
  openIndex: number;
}

const fromPieces = (pieces: readonly Piece[]): BlockRun[] => pieces.map((piece, index) => ({ key: `p${index}`, blocks: piece.blocks, height: piece.height, openIndex: -1 }));

/**
 * The answer's blocks, parsed once. A streaming answer goes through the incremental splitter. A long
 * finished answer that was not watched streaming (a conversation opened, another version shown) is
 * cut into pieces: the ones at its start and end (only its end when it `opensAtEnd`) are parsed and
 * shown at once, the rest when idle.
 */
export function useAnswerPieces(text: string, streaming: boolean, opensAtEnd: boolean): readonly BlockRun[] {
  const [splitter] = useState(createBlockSplitter);
  // Where the answer first showed: it stops being the last answer when another is sent, which must not plan it anew.
  const [firstShownAtEnd] = useState(opensAtEnd);
  const progressive = !streaming && !splitter.continues(text);
  const plan = useMemo(() => (progressive ? planPieces(text, window.innerHeight, firstShownAtEnd ? 'end' : 'both') : null), [progressive, text, firstShownAtEnd]);
  const [filled, setFilled] = useState<{ plan: Piece[]; pieces: readonly Piece[] } | null>(null);

  useEffect(() => {
    if (!plan) return;
    let pieces: readonly Piece[] = plan;
    let cancel = whenIdle(function parseMore() {
      for (let count = 0; count < PIECES_PER_IDLE; count++) {
        const next = pieces.findIndex((piece) => piece.blocks === null);
        if (next === -1) break;
        pieces = pieces.with(next, parsePiece(pieces[next] as Piece));
      }
      const snapshot = pieces;
      startTransition(() => setFilled({ plan, pieces: snapshot }));
      if (pieces.some((piece) => piece.blocks === null)) cancel = whenIdle(parseMore);
    });
    return () => cancel();
  }, [plan]);

  return useMemo(() => {
    if (plan) return fromPieces(filled?.plan === plan ? filled.pieces : plan);
    const blocks = splitter.split(text);
    const count = Math.ceil(blocks.length / GROUP_SIZE);
    return Array.from({ length: count }, (_, index): BlockRun => {
      const run = blocks.slice(index * GROUP_SIZE, (index + 1) * GROUP_SIZE);
      return { key: `g${index}`, blocks: run, height: 0, openIndex: streaming && index === count - 1 ? run.length - 1 : -1 };
    });
  }, [plan, filled, splitter, text, streaming]);
}
