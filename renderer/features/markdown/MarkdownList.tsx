import type { List, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { ReactNode } from 'react';
import { memo } from 'react';
import { renderListItem } from './renderTree';

/** What decides how an item renders apart from its list: its formulas, and whether it holds what other items may share (a label). */
interface ItemFacts {
  formulas: number;
  /** It defines a label or refers to a footnote: the list renders whole, as one tree, so the label reaches the other items and the footnotes show below. */
  labelled: boolean;
}

const LABELLED = new Set(['definition', 'footnoteDefinition', 'footnoteReference']);

// An item keeps its node while later items stream (listRestart): its facts are counted once.
const factsOfItem = new WeakMap<ListItem, ItemFacts>();

function factsOf(item: ListItem): ItemFacts {
  const known = factsOfItem.get(item);
  if (known) return known;
  const facts: ItemFacts = { formulas: 0, labelled: false };
  const pending: Nodes[] = [item];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'math' || node.type === 'inlineMath') facts.formulas++;
    else if (LABELLED.has(node.type)) facts.labelled = true;
    if ('children' in node) pending.push(...node.children);
  }
  factsOfItem.set(item, facts);
  return facts;
}

/**
 * A block that is a list, rendered item by item (issue 16): each item is a component of its own,
 * memoized on its node, so a chunk that grows the last item renders that item, not the list again
 * (with listRestart, which keeps the nodes of the items before it). Same elements as the list
 * rendered whole (renderTree). Undefined for a block that is no list, or whose items hold labels.
 */
export function renderListApart(tree: Root, formulaLimit: number): { content: ReactNode; formulas: number } | undefined {
  const [list, ...definitions] = tree.children;
  if (list?.type !== 'list' || list.children.some((item) => factsOf(item).labelled)) return undefined;
  const formulas = list.children.reduce((sum, item) => sum + factsOf(item).formulas, 0);
  return { content: <MarkdownList list={list} definitions={definitions} formulaLimit={formulaLimit} />, formulas };
}

interface MarkdownListProps {
  list: List;
  /** The answer's definitions, for the items' references. */
  definitions: readonly RootContent[];
  /** How many of the list's formulas are typeset, from its first. */
  formulaLimit: number;
}

/** mdast-util-to-hast's rule: a list is loose when it is spread or any item is (an item of two children or more, unless told). */
const isLoose = (list: List): boolean => Boolean(list.spread) || list.children.some((item) => item.spread ?? item.children.length > 1);

/** The list's own class: a long list's part's (listParts), else GitHub's for a list of tasks. */
function classOf(list: List): string | undefined {
  const own = list.data?.hProperties?.className;
  if (Array.isArray(own)) return own.join(' ');
  if (typeof own === 'string') return own;
  return list.children.some((item) => typeof item.checked === 'boolean') ? 'contains-task-list' : undefined;
}

function MarkdownList({ list, definitions, formulaLimit }: MarkdownListProps) {
  const loose = isLoose(list);
  const Tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
  // Line breaks between the items, as the whole list's elements have them.
  const items: ReactNode[] = ['\n'];
  let before = 0;
  list.children.forEach((item, index) => {
    const own = factsOf(item).formulas;
    items.push(<MarkdownListItem key={index} item={item} loose={loose} definitions={definitions} formulaLimit={Math.min(own, Math.max(0, formulaLimit - before))} />, '\n');
    before += own;
  });
  return (
    <Tag start={start} className={classOf(list)}>
      {items}
    </Tag>
  );
}

interface MarkdownListItemProps {
  item: ListItem;
  loose: boolean;
  definitions: readonly RootContent[];
  /** How many of the item's own formulas are typeset. */
  formulaLimit: number;
}

const MarkdownListItem = memo(
  function MarkdownListItem({ item, loose, definitions, formulaLimit }: MarkdownListItemProps) {
    return renderListItem(item, loose, definitions, formulaLimit);
  },
  (before, after) =>
    before.item === after.item &&
    before.loose === after.loose &&
    before.formulaLimit === after.formulaLimit &&
    before.definitions.length === after.definitions.length &&
    before.definitions.every((definition, index) => definition === after.definitions[index]),
);
