import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Block, BlockSplitter } from './blockSplitter';
import { createBlockSplitter } from './blockSplitter';
import type { Piece } from './answerPieces';
import { estimateHeight, planPieces, planStreamingHead, renderPieceAt } from './answerPieces';
import { whenIdle } from './whenIdle';

/** Streamed blocks are grouped so a chunk compares one group per 32 blocks, not every block. */
const GROUP_SIZE = 32;
/** A group also ends past this many characters: what an answer first shown while it streams renders at once stays small (a long paragraph's parts). */
const GROUP_CHARS = 8_000;
/** Pieces parsed per idle callback: small enough that rendering them is no long task. */
const PIECES_PER_IDLE = 2;
/** The groups at the end of an answer first shown while it streams that are rendered at once (the rest when idle, this many at a time). */
const GROUPS_AT_ONCE = 2;

/** What the answer renders: runs of blocks (null: not parsed yet, holding its place) and which block still streams. */
export interface BlockRun {
  key: string;
  blocks: readonly Block[] | null;
  /** The height in px that holds the place of a run not parsed yet. */
  height: number;
  /** Index of the streaming block within the run, or -1. */
  openIndex: number;
}

// Keyed by where a piece starts: one cut into pieces of its blocks keeps its key for the first of them.
const fromPieces = (pieces: readonly Piece[]): BlockRun[] => pieces.map((piece) => ({ key: `p${piece.start}`, blocks: piece.blocks, height: piece.height, openIndex: -1 }));

/** What an answer keeps between renders: its splitter, the pieces before the splitter's part, and how many of the splitter's first groups wait. */
interface AnswerState {
  splitter: BlockSplitter;
  head: readonly Piece[] | null;
  /** Groups of blocks the splitter was handed already parsed (an answer first shown long, with nothing settled) that are not rendered yet. */
  waitingGroups: number;
}

/** `blocks` in groups of GROUP_SIZE blocks or GROUP_CHARS characters, whichever comes first: a group changes only where its blocks do. */
function groupsOf(blocks: readonly Block[]): (readonly Block[])[] {
  const groups: (readonly Block[])[] = [];
  for (let first = 0; first < blocks.length; ) {
    let end = first;
    for (let chars = 0; end < blocks.length && end - first < GROUP_SIZE && chars < GROUP_CHARS; end++) chars += blocks[end]?.source.length ?? 0;
    groups.push(blocks.slice(first, end));
    first = end;
  }
  return groups;
}

/** A group not rendered yet: its place, by the same estimate as a piece's. */
const waitingRun = (index: number, blocks: readonly Block[]): BlockRun => ({ key: `g${index}`, blocks: null, height: estimateHeight(blocks.map((block) => block.source).join('')), openIndex: -1 });

/**
 * The answer's blocks, parsed once. A streaming answer goes through the incremental splitter. A long
 * finished answer that was not watched streaming (a conversation opened, another version shown) is
 * cut into pieces: the ones at its start and end (only its end when it `opensAtEnd`) are parsed and
 * shown at once, the rest when idle. A long answer first shown while it streams is both: its
 * finished part in pieces, the rest through the splitter.
 */
export function useAnswerPieces(text: string, streaming: boolean, opensAtEnd: boolean): readonly BlockRun[] {
  const [answer] = useState((): AnswerState => ({ splitter: createBlockSplitter(), head: null, waitingGroups: 0 }));
  // Where the answer first showed: it stops being the last answer when another is sent, which must not plan it anew.
  const [firstShownAtEnd] = useState(opensAtEnd);
  const shownFirst = firstShownAtEnd ? 'end' : 'both';
  // The pieces before what the splitter splits (all of a finished answer planned in pieces: `split` false).
  const layout = useMemo((): { head: readonly Piece[] | null; split: boolean } => {
    if (answer.splitter.continues(text)) return { head: answer.head, split: true };
    const finished = streaming ? null : planPieces(text, window.innerHeight, shownFirst);
    if (finished) return { head: finished, split: false };
    const started = streaming ? planStreamingHead(text, window.innerHeight, shownFirst) : null;
    answer.splitter = createBlockSplitter(started?.splitter);
    answer.head = started && started.pieces.length > 0 ? started.pieces : null;
    answer.waitingGroups = Math.max(0, groupsOf(started?.splitter.blocks ?? []).length - GROUPS_AT_ONCE);
    return { head: answer.head, split: true };
  }, [answer, text, streaming, shownFirst]);
  // The splitter's first groups that still wait, counted down when idle (per splitter: a new one starts over).
  const [revealed, setRevealed] = useState<{ splitter: BlockSplitter; waiting: number } | null>(null);
  const waiting = revealed?.splitter === answer.splitter ? revealed.waiting : answer.waitingGroups;
  const { splitter } = answer;
  useEffect(() => {
    if (waiting === 0) return;
    return whenIdle(() => startTransition(() => setRevealed({ splitter, waiting: Math.max(0, waiting - GROUPS_AT_ONCE) })));
  }, [splitter, waiting]);
  const plan = layout.head;
  const [filled, setFilled] = useState<{ plan: readonly Piece[]; pieces: readonly Piece[] } | null>(null);

  useEffect(() => {
    if (!plan) return;
    let pieces = plan;
    let cancel = whenIdle(function parseMore() {
      for (let count = 0; count < PIECES_PER_IDLE; count++) {
        const next = pieces.findIndex((piece) => piece.blocks === null);
        if (next === -1) break;
        pieces = renderPieceAt(pieces, next);
      }
      const snapshot = pieces;
      startTransition(() => setFilled({ plan, pieces: snapshot }));
      if (pieces.some((piece) => piece.blocks === null)) cancel = whenIdle(parseMore);
    });
    return () => cancel();
  }, [plan]);

  return useMemo(() => {
    const headRuns = plan ? fromPieces(filled?.plan === plan ? filled.pieces : plan) : [];
    if (!layout.split) return headRuns;
    const blocks = answer.splitter.split(text);
    const runs = groupsOf(blocks);
    const count = runs.length;
    const groups = runs.map((run, index): BlockRun => {
      if (index < waiting && index < count - GROUPS_AT_ONCE) return waitingRun(index, run);
      return { key: `g${index}`, blocks: run, height: 0, openIndex: streaming && index === count - 1 ? run.length - 1 : -1 };
    });
    return headRuns.length === 0 ? groups : [...headRuns, ...groups];
  }, [plan, layout, filled, answer, text, streaming, waiting]);
}
