import { describe, expect, it } from 'vitest';
import { estimateHeight, planPieces, planStreamingHead, PROGRESSIVE_MIN_CHARS, renderPieceAt } from '../../../../renderer/features/markdown/answerPieces';

/** Numbered paragraphs of prose: about 100 characters each, one estimated line apiece. */
const prose = (count: number) => Array.from({ length: count }, (_, n) => `Paragraph ${n}: ${'words that wrap '.repeat(5)}`).join('\n\n');

describe('a long finished answer planned in pieces', () => {
  it('parses about a window from each end at once and leaves the middle for later', () => {
    const text = prose(600);
    const pieces = planPieces(text, 800, 'both');
    if (!pieces) throw new Error('A long answer of paragraphs can be cut');
    expect(pieces.map((piece) => piece.source).join('')).toBe(text);
    const parsed = pieces.filter((piece) => piece.blocks);
    const parsedChars = parsed.reduce((sum, piece) => sum + piece.source.length, 0);
    // Both ends are there, and far less than the whole answer.
    expect(pieces[0]?.blocks?.[0]?.source).toMatch(/^Paragraph 0:/);
    expect(pieces.at(-1)?.blocks?.at(-1)?.source).toMatch(/^Paragraph 599:/);
    expect(parsedChars).toBeLessThan(text.length / 8);
    // Each end covers the window, by the estimates that hold the places of the rest.
    const coveredFromStart = pieces.slice(0, pieces.findIndex((piece) => !piece.blocks)).reduce((sum, piece) => sum + piece.height, 0);
    expect(coveredFromStart).toBeGreaterThanOrEqual(800);
  });

  it('parses only the end at once for an answer that opens at its end', () => {
    const pieces = planPieces(prose(600), 800, 'end');
    expect(pieces?.[0]?.blocks).toBeNull();
    expect(pieces?.at(-1)?.blocks?.at(-1)?.source).toMatch(/^Paragraph 599:/);
  });

  it('renders an answer the line scan cannot cut from one parse, a window at a time', () => {
    // No blank line anywhere: no safe place to cut the text before parsing it.
    const text = Array.from({ length: 3_000 }, (_, n) => `## Heading ${n}\n`).join('');
    const pieces = planPieces(text, 800, 'end');
    if (!pieces) throw new Error('An answer of many blocks is planned');
    expect(pieces.map((piece) => piece.source).join('')).toBe(text);
    expect(pieces.at(-1)?.blocks?.at(-1)?.source).toBe('## Heading 2999\n');
    const later = pieces[0];
    expect(later?.blocks).toBeNull();
    // Rendered later from the blocks of that one parse, not parsed again.
    if (later?.parsed === undefined) throw new Error('Its blocks come from the whole parse');
    expect(renderPieceAt(pieces, 0)[0]?.blocks).toBe(later.parsed);
    expect(later.parsed[0]?.tree.children[0]?.type).toBe('heading');
  });

  it('cuts a long piece the line scan left whole into pieces of its blocks, rendering only the ones a window shows', () => {
    // A paragraph of 15,000 code spans between two cut places: one piece, 60,000 characters long.
    const text = `${prose(20)}\n\n${'`a` '.repeat(15_000)}\n\n${prose(20)}`;
    const pieces = planPieces(text, 800, 'both');
    if (!pieces) throw new Error('A long answer of paragraphs can be cut');
    expect(pieces.map((piece) => piece.source).join('')).toBe(text);
    expect(Math.max(...pieces.map((piece) => piece.source.length))).toBeLessThan(5_000);
    const rendered = pieces.filter((piece) => piece.blocks).reduce((sum, piece) => sum + piece.source.length, 0);
    expect(rendered).toBeLessThan(text.length / 4);
    // Later, each of the rest is rendered from the same parse.
    const next = pieces.findIndex((piece) => !piece.blocks);
    expect(renderPieceAt(pieces, next)[next]?.blocks).toBe(pieces[next]?.parsed);
  });

  it('plans nothing for an answer short enough to show whole', () => {
    expect(planPieces(prose(10), 800, 'both')).toBeNull();
    expect(prose(10).length).toBeLessThan(PROGRESSIVE_MIN_CHARS);
  });
});

describe('a long answer first shown while it streams', () => {
  it('plans its finished part in pieces and leaves what may still change to the splitter', () => {
    // "1" may still become "1. an item", which would join a list above: the cut before it is not final.
    const text = `${prose(600)}\n\n1`;
    const started = planStreamingHead(text, 800, 'end');
    if (!started) throw new Error('A long answer of paragraphs can be cut');
    expect(started.pieces.map((piece) => piece.source).join('')).toBe(text.slice(0, started.splitter.from));
    expect(text.slice(started.splitter.from)).toMatch(/^Paragraph \d+:[^]*\n\n1$/);
    expect(started.pieces.at(-1)?.blocks).not.toBeNull();
    expect(started.pieces[0]?.blocks).toBeNull();
  });

  it('plans nothing while it is short', () => {
    expect(planStreamingHead(prose(10), 800, 'end')).toBeNull();
  });
});

describe('the height estimate of a piece', () => {
  const longLine = `const row = [${'1, '.repeat(80)}0];`;

  it('counts a line of fenced code as one line, however long (it scrolls), and prose as about 100 characters a line', () => {
    expect(estimateHeight(['```ts', longLine, longLine, '```'].join('\n'))).toBe(4 * 22);
    expect(estimateHeight('word '.repeat(60))).toBe(3 * 22);
  });

  it('keeps a fence shown inside a longer one inside it, and counts the prose after the longer one as prose', () => {
    const fenced = ['````md', '```ts', longLine, '```', longLine, '````'].join('\n');
    expect(estimateHeight(fenced)).toBe(6 * 22);
    expect(estimateHeight(`${fenced}\n${'word '.repeat(60)}`)).toBe(9 * 22);
  });
});
