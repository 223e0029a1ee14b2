/** A part of a paragraph cut in parts (paragraphParts): the parts typeset formulas under one limit, as the paragraph would. */
export interface ParagraphShare {
  /** Where the paragraph starts in the answer: the same for all its parts. */
  start: number;
  /** The part's place in the paragraph. */
  part: number;
  /** The formulas in the paragraph's parts before this one. */
  formulasBefore: number;
}

interface Paragraph {
  showingAll: boolean;
  /** Per part shown: its formulas, and how many of them are typeset. */
  parts: Map<number, { formulas: number; typeset: number }>;
  listeners: Set<() => void>;
}

/**
 * The state the parts of one answer's cut paragraphs share (issue 15): whether a person asked for
 * all of a paragraph's formulas, and how many each part shown has and typesets, so the one part
 * that offers "Show all formulas", the last, counts for the whole paragraph. Parts read it through
 * useSyncExternalStore: a part that reports wakes only its own paragraph's parts.
 */
export class SharedFormulaLimits {
  private readonly paragraphs = new Map<number, Paragraph>();

  subscribe(start: number, listener: () => void): () => void {
    const { listeners } = this.paragraph(start);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  showingAll(start: number): boolean {
    return this.paragraphs.get(start)?.showingAll ?? false;
  }

  showAll(start: number): void {
    const paragraph = this.paragraph(start);
    if (paragraph.showingAll) return;
    paragraph.showingAll = true;
    notify(paragraph);
  }

  /** Records what a part shows; undefined when the part is no longer shown. */
  report(start: number, part: number, counts: { formulas: number; typeset: number } | undefined): void {
    const paragraph = this.paragraph(start);
    const before = paragraph.parts.get(part);
    if (before?.formulas === counts?.formulas && before?.typeset === counts?.typeset) return;
    if (counts) paragraph.parts.set(part, counts);
    else paragraph.parts.delete(part);
    notify(paragraph);
  }

  /** The last of the paragraph's parts shown so far: it offers the rest of the formulas, as a paragraph shown whole does at its end. */
  lastPart(start: number): number {
    return Math.max(-1, ...(this.paragraphs.get(start)?.parts.keys() ?? []));
  }

  /** The formulas in the paragraph's parts shown so far. */
  formulas(start: number): number {
    return this.sum(start, 'formulas');
  }

  /** How many of those are typeset. */
  typeset(start: number): number {
    return this.sum(start, 'typeset');
  }

  private sum(start: number, count: 'formulas' | 'typeset'): number {
    let total = 0;
    for (const counts of this.paragraphs.get(start)?.parts.values() ?? []) total += counts[count];
    return total;
  }

  private paragraph(start: number): Paragraph {
    let paragraph = this.paragraphs.get(start);
    if (!paragraph) {
      paragraph = { showingAll: false, parts: new Map(), listeners: new Set() };
      this.paragraphs.set(start, paragraph);
    }
    return paragraph;
  }
}

function notify(paragraph: Paragraph): void {
  for (const listener of [...paragraph.listeners]) listener();
}
