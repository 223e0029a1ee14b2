import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { guardAutolinks } from './autolinkGuard';
import { boundDepth } from './boundDepth';
import type { DefinitionKey } from './definitionLabels';
import { limitMarkup, sourceOffset } from './limitMarkup';
import { parseInPieces } from './parseInPieces';

// Built once: the extension objects are plain data, shared by every parse.
const syntax = { gfm: gfm(), math: math() };
const gfmTree = gfmFromMarkdown();
const mathTree = mathFromMarkdown();
const mdastExtensions = [gfmTree, mathTree];
/**
 * The same without GFM's search of the finished tree's text for literal links (mdast-util-gfm-autolink-literal's
 * transform): a quarter of the parse of text with thousands of short lines, a walk over every text node.
 */
const noLinkSearch = [gfmTree.map((extension) => ({ ...extension, transforms: [] })), mathTree];
/**
 * Where that search can find a link: its patterns need `@`, `www.` or `://`, in the text as decoded, so a
 * character reference (`&`) or an escaped slash (`:\/`) can spell them too.
 */
const MAY_HOLD_LINK = /[@&]|www|:\\?\//i;

/** Moves every node's offsets from the limited text back to the source's. */
function remapOffsets(tree: Root, insertions: readonly number[]): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { position } = node;
    if (position?.start.offset !== undefined) position.start.offset = sourceOffset(position.start.offset, insertions);
    if (position?.end.offset !== undefined) position.end.offset = sourceOffset(position.end.offset, insertions);
    if ('children' in node) pending.push(...node.children);
  }
}

/** One parse of the whole of `text`: what parseInPieces must give the same tree as. */
export const parseAtOnce = (text: string): Root =>
  fromMarkdown(text, { extensions: [guardAutolinks(syntax.gfm, text), syntax.math], mdastExtensions: MAY_HOLD_LINK.test(text) ? mdastExtensions : noLinkSearch });

/**
 * Markdown → mdast with GitHub-flavoured Markdown and `$`/`$$` math, in time that grows with the
 * text and not faster (limitMarkup, guardAutolinks, parseInPieces), nested at most MAX_NESTING deep (boundDepth).
 * Offsets are the source's. `definedBefore`: the labels the answer before `source` defines, which its references may use.
 */
export function parseMarkdown(source: string, definedBefore?: ReadonlyMap<DefinitionKey, string>): Root {
  const limited = limitMarkup(source);
  const tree = parseInPieces(limited.text, parseAtOnce, definedBefore);
  if (limited.insertions.length > 0) remapOffsets(tree, limited.insertions);
  return boundDepth(tree, source);
}
