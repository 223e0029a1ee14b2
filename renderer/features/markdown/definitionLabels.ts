import type { Definition, FootnoteDefinition, Nodes, Root, RootContent } from 'mdast';

/**
 * Link and footnote definitions reach across the whole text (`[x]` anywhere is a link if `[x]: …`
 * is anywhere), so a text cut into pieces must hand each piece what is defined elsewhere. These
 * find labels by a cheap scan, and the definitions a parse found.
 */

// A label as CommonMark allows it: up to 999 characters, brackets inside only escaped. An escaped
// bracket (after an odd number of backslashes) opens none: in a run of `\[` each one was tried as a
// label 999 characters long (165 ms of a 97k-character answer's parse).
const LABEL = String.raw`(?<!(?:^|[^\\])(?:\\\\)*\\)\[((?:[^[\]\\]|\\[\s\S]){1,999})\]`;
const LABELS = new RegExp(LABEL, 'g');
const DEFINED_LABELS = new RegExp(`${LABEL}:`, 'g');
const DEFINED_LABEL = new RegExp(`${LABEL}:`);

/** A text with anything that may be a definition. */
export const mayDefine = (text: string): boolean => DEFINED_LABEL.test(text);

/** A defined label, by what it defines and its identifier: `link a` for `[a]: …`, `footnote a` for `[^a]: …`. */
export type DefinitionKey = `${'link' | 'footnote'} ${string}`;

/** mdast's identifier of a label: whitespace collapsed and trimmed, case folded (micromark's normalizeIdentifier, lower-cased). */
const identifierOf = (label: string): string =>
  label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();

/** The definition a label in brackets refers to (`[^…]` is always a footnote's), with the label as written: a stand-in repeats it. */
function keyOf(label: string): [DefinitionKey, string] {
  return label.startsWith('^') ? [`footnote ${identifierOf(label.slice(1))}`, label.slice(1)] : [`link ${identifierOf(label)}`, label];
}

/** Every label `text` puts in brackets: what its references may need defined. */
export function referencedKeys(text: string): Set<DefinitionKey> {
  return new Set(Array.from(text.matchAll(LABELS), (match) => keyOf(match[1] ?? '')[0]));
}

/** What `text` seems to define (a bracketed label and a colon): a guess, which a parse confirms or not. */
export function claimedDefinitions(text: string): Map<DefinitionKey, string> {
  return new Map(Array.from(text.matchAll(DEFINED_LABELS), (match) => keyOf(match[1] ?? '')));
}

/** The key a parsed definition defines, as references to it are found. */
export const definitionKey = (node: Definition | FootnoteDefinition): DefinitionKey => `${node.type === 'definition' ? 'link' : 'footnote'} ${node.identifier}`;

/** A link or footnote definition. */
export const isDefinition = (node: Nodes): node is Definition | FootnoteDefinition => node.type === 'definition' || node.type === 'footnoteDefinition';

/** The definitions among `nodes` and inside them (a definition may sit in a quote or a list item), in the text's order. */
export function definitionsWithin(nodes: readonly RootContent[]): (Definition | FootnoteDefinition)[] {
  const found: (Definition | FootnoteDefinition)[] = [];
  const pending: Nodes[] = [...nodes].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isDefinition(node)) found.push(node);
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
  }
  return found;
}

/** What a parsed tree defines, at any depth (a definition may sit in a quote or a list item). */
export function foundDefinitions(trees: readonly Root[]): Map<DefinitionKey, string> {
  return new Map(definitionsWithin(trees.flatMap((tree) => tree.children)).map((node) => [definitionKey(node), node.label ?? node.identifier]));
}

/**
 * Definitions that only make their labels defined: parsed before a piece, they let its references
 * resolve as in the whole text. A rule closes them, so a footnote's stand-in cannot take in an
 * indented block the piece starts with.
 */
export function standIns(definitions: ReadonlyMap<DefinitionKey, string>): string {
  let text = '';
  for (const [key, label] of definitions) text += key.startsWith('footnote') ? `[^${label}]: #\n` : `[${label}]: #\n`;
  return text && `${text}***\n\n`;
}
