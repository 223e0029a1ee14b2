import type { ElementContent, Nodes } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { Code, FootnoteDefinition, FootnoteReference, Html, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Handler, State } from 'mdast-util-to-hast';
import { defaultHandlers, toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { CodeBlock } from './CodeBlock';
import { MarkdownImage } from './MarkdownImage';
import { MarkdownLink } from './MarkdownLink';
import { MarkdownTable } from './MarkdownTable';
import { AS_WRITTEN, MATH_PER_BLOCK } from './mathLimit';
import { MathTex } from './MathTex';
import { LONG_TEXT_BOX_CHARS, LONG_TEXT_BOX_CLASS, LONG_TEXT_CHARS, textRuns } from '../../lib/longText';

const text = (value: string): ElementContent => ({ type: 'text', value });
/** An element that stands for math until React renders it as MathTex: KaTeX loads only once an answer has math. */
const MATH_TAG = 'parley-math';

// mdast → hast, counting the block's formulas: past `formulaLimit` they show as written. Raw HTML becomes text: model output never becomes elements, by construction.
function blockHandlers(formulaLimit: number, counted: { formulas: number }): Record<string, Handler> {
  const math = (tex: string, display: boolean): ElementContent => {
    if (++counted.formulas <= formulaLimit) return { type: 'element', tagName: MATH_TAG, properties: { dataTex: tex, dataDisplay: display ? 'block' : 'inline' }, children: [] };
    // Inline: text with its dollars, joined to the text around it (mergeTexts), so a thousand formulas are one text node, not a thousand elements.
    if (!display) return text(`$${tex}$`);
    return { type: 'element', tagName: 'div', properties: { className: ['md-math-display'] }, children: [{ type: 'element', tagName: 'code', properties: { className: ['md-math-source'], title: AS_WRITTEN }, children: [text(tex)] }] };
  };
  return {
    html: (_state: State, node: Html) => text(node.value),
    code: (_state: State, node: Code): ElementContent => ({ type: 'element', tagName: 'pre', properties: { dataLanguage: node.lang ?? '' }, children: [text(node.value)] }),
    math: (_state: State, node: Math) => math(node.value, true),
    inlineMath: (_state: State, node: InlineMath) => math(node.value, false),
    // A footnote shows where it is written, under the label the answer gives it: the answer is parsed
    // and shown in blocks (a long one a window at a time), so GFM's numbering by first reference and
    // one list at the end would each need the whole answer first. Drawn per block, every block that
    // cited a note repeated it under a "Footnotes" heading of its own.
    footnoteReference: (_state: State, node: FootnoteReference): ElementContent => footnoteLabel(node, 'md-footnote-ref'),
    footnoteDefinition: (state: State, node: FootnoteDefinition): ElementContent => ({
      type: 'element',
      tagName: 'div',
      // Ancillary to the text: announced as a note.
      properties: { className: ['md-footnote'], role: 'note' },
      children: [footnoteLabel(node, 'md-footnote-label'), { type: 'element', tagName: 'div', properties: { className: ['md-footnote-text'] }, children: state.all(node) }],
    }),
    // A paragraph that is only `$$…$$` (or `$…$`) is meant as display math.
    paragraph: (state: State, node: Paragraph) => {
      const [only] = node.children;
      return node.children.length === 1 && only?.type === 'inlineMath' ? math(only.value, true) : defaultHandlers.paragraph(state, node);
    },
  };
}

const footnoteLabel = (node: FootnoteReference | FootnoteDefinition, className: string): ElementContent => ({
  type: 'element',
  tagName: 'sup',
  properties: { className: [className] },
  children: [text(node.label ?? node.identifier)],
});

/** A block's tree without the footnotes it carries from other blocks (blockSplitter carries every definition after its own nodes): each shows in its own block. */
function withOwnFootnotes(tree: Root): Root {
  const carried = (node: RootContent, index: number) => index > 0 && node.type === 'footnoteDefinition';
  return tree.children.some(carried) ? { ...tree, children: tree.children.filter((node, index) => !carried(node, index)) } : tree;
}

// hast → React. Links, images, code blocks, tables and math get their own components; everything else is plain elements.
const components = { a: MarkdownLink, img: MarkdownImage, pre: CodeBlock, table: MarkdownTable, [MATH_TAG]: MathTex } as Partial<Components>;

/** Joins neighbouring text nodes, in place: one DOM text node where there would be many. */
function mergeTexts(node: Nodes): void {
  if (!('children' in node)) return;
  const merged: Nodes[] = [];
  for (const child of node.children) {
    const last = merged.at(-1);
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else {
      mergeTexts(child);
      merged.push(child);
    }
  }
  node.children = merged as typeof node.children;
}

// Elements that are boxes of their own already: long inline content around them is boxed, they are not.
const BOX_TAGS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

const isBox = (node: ElementContent): boolean => node.type === 'element' && BOX_TAGS.has(node.tagName);

// Elements whose children are only rows, items or parts of a table: nothing inline to box in them.
const STRUCTURE_TAGS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol']);

const isBlank = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

const textBox = (children: ElementContent[]): ElementContent => ({ type: 'element', tagName: 'span', properties: { className: [LONG_TEXT_BOX_CLASS] }, children });

/**
 * An element's long inline content in runs of about LONG_TEXT_BOX_CHARS characters, each in a box
 * of its own, in place (lib/longText.ts: 100,000 characters of Latin and Hebrew letters by turns in
 * a list item took 4.8 s to lay out in one box). Long texts are cut (textRuns), elements stay whole.
 * A top-level paragraph is cut in parts before (paragraphParts); code blocks box their lines
 * themselves (CodeBlock). One walk: each node's text length comes back from boxing its children.
 */
function boxLongContent(node: Nodes): number {
  if (node.type === 'text') return node.value.length;
  if (!('children' in node) || (node.type === 'element' && node.tagName === 'pre')) return 0;
  const lengths = node.children.map((child) => boxLongContent(child));
  const length = lengths.reduce((sum, childLength) => sum + childLength, 0);
  if (node.type !== 'element' || STRUCTURE_TAGS.has(node.tagName) || length < LONG_TEXT_CHARS) return length;
  const boxed: ElementContent[] = [];
  let run: ElementContent[] = [];
  let runChars = 0;
  const close = () => {
    // The line breaks between blocks stay as they are.
    if (run.every(isBlank)) boxed.push(...run);
    else boxed.push(textBox(run));
    run = [];
    runChars = 0;
  };
  const add = (piece: ElementContent, pieceLength: number) => {
    run.push(piece);
    runChars += pieceLength;
    if (runChars >= LONG_TEXT_BOX_CHARS) close();
  };
  node.children.forEach((child, index) => {
    if (isBox(child)) {
      close();
      boxed.push(child);
    } else if (child.type === 'text') {
      for (const { start, end } of textRuns(child.value, LONG_TEXT_BOX_CHARS)) add(text(child.value.slice(start, end)), end - start);
    } else add(child, lengths[index] ?? 0);
  });
  close();
  node.children = boxed;
  return length;
}

/** Hast as the answer draws it: its texts joined, its long content boxed, its components in place. */
function toReact(hast: Nodes): ReactNode {
  mergeTexts(hast);
  boxLongContent(hast);
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true });
}

/** A parsed block as React elements, with its first `formulaLimit` formulas typeset, and how many it has. */
export function renderTree(tree: Root, formulaLimit = MATH_PER_BLOCK): { content: ReactNode; formulas: number } {
  const counted = { formulas: 0 };
  const hast = toHast(withOwnFootnotes(tree), { handlers: blockHandlers(formulaLimit, counted) });
  return { content: toReact(hast), formulas: counted.formulas };
}

/**
 * One item of a list as the whole list draws it (MarkdownList): `loose` is the whole list's, as
 * mdast-util-to-hast decides it; `definitions`, the answer's, for the item's references.
 */
export function renderListItem(item: ListItem, loose: boolean, definitions: readonly RootContent[], formulaLimit: number): ReactNode {
  const list: List = { type: 'list', spread: loose, children: [item] };
  const hast = toHast({ type: 'root', children: [list, ...definitions] }, { handlers: blockHandlers(formulaLimit, { formulas: 0 }) });
  const [drawnList] = hast.type === 'root' ? hast.children : [];
  const li = drawnList?.type === 'element' ? drawnList.children.find((child) => child.type === 'element') : undefined;
  return li ? toReact(li) : null;
}
