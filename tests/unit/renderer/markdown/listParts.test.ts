import type { List, RootContent } from 'mdast';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../../renderer/features/markdown/blockSplitter';
import { LIST_PART_CLASS, LONG_LIST_CHARS } from '../../../../renderer/features/markdown/listParts';
import { parseMarkdown } from '../../../../renderer/features/markdown/parseMarkdown';
import { renderTree } from '../../../../renderer/features/markdown/renderTree';

/** A block's node drawn as HTML, as the answer draws it. */
const blockHtml = (node: RootContent | undefined): string => renderToStaticMarkup(renderTree({ type: 'root', children: node ? [node] : [] }).content);

const listOf = (node: RootContent | undefined): List => {
  if (node?.type !== 'list') throw new Error(`Expected a list, got ${node?.type}`);
  return node;
};

/** The items of drawn lists, as HTML: what a person reads, whatever lists they are in. */
const itemsHtml = (html: string): string[] => html.match(/<li[\s\S]*?<\/li>/g) ?? [];

const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, n) => `${n + from}. Item ${n + from} with \`code\` and **bold** words`).join('\n');

describe('a long list in parts', () => {
  it('cuts a long numbered list between its items into numbered lists that go on counting, and draw its items exactly', () => {
    const text = `Before.\n\n${numbered(600, 3)}\n\nAfter.`;
    const blocks = parseBlocks(text, 0);
    const parts = blocks.slice(1, -1);
    expect(parts.length).toBeGreaterThan(10);
    expect(blocks.map((block) => block.source).join('')).toBe(text);
    const whole = listOf(parseMarkdown(text).children[1]);
    let item = 0;
    for (const [index, part] of parts.entries()) {
      const list = listOf(part.tree.children[0]);
      expect(part.type).toBe('list');
      expect(part.start).toBe(text.indexOf(part.source));
      expect(part.source.length).toBeLessThan(1_200);
      expect(part.source).toMatch(/^\d+\. Item/);
      // Each part numbers on from the one before, from the list's own start.
      expect(list.start).toBe(3 + item);
      expect(list.data?.hProperties?.className).toEqual(index === 0 ? undefined : [LIST_PART_CLASS]);
      expect(part.continued).toBe(index === 0 ? undefined : true);
      item += list.children.length;
    }
    expect(item).toBe(whole.children.length);
    expect(parts.flatMap((part) => itemsHtml(blockHtml(part.tree.children[0])))).toEqual(itemsHtml(blockHtml(whole)));
    expect(blockHtml(parts[1]?.tree.children[0])).toMatch(/^<ol start="\d+" class="md-list-part">/);
  });

  it('draws every part loose when the list is, and keeps the task-list class', () => {
    const loose = Array.from({ length: 400 }, (_, n) => (n === 200 ? `- item ${n} with words\n` : `- item ${n} with some words`)).join('\n');
    const parts = parseBlocks(loose, 0);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.flatMap((part) => itemsHtml(blockHtml(part.tree.children[0])))).toEqual(itemsHtml(blockHtml(parseMarkdown(loose).children[0])));
    expect(blockHtml(parts[0]?.tree.children[0])).toMatch(/<li>\s*<p>item 0/);

    const tasks = Array.from({ length: 400 }, (_, n) => `- [${n % 2 ? 'x' : ' '}] task ${n} with some words`).join('\n');
    for (const part of parseBlocks(tasks, 0)) expect(blockHtml(part.tree.children[0])).toMatch(/^<ul class="contains-task-list/);
  });

  it('leaves whole a shorter list, and a long one of a single item', () => {
    const shorter = numbered(100);
    expect(shorter.length).toBeLessThan(LONG_LIST_CHARS);
    expect(parseBlocks(shorter, 0)).toHaveLength(1);
    const oneItem = `- ${'word '.repeat(3_000)}`;
    expect(parseBlocks(oneItem, 0)).toHaveLength(1);
  });

  it('cuts a list of nested items only between its own items, each part holding whole items', () => {
    const text = Array.from({ length: 500 }, (_, n) => `- item ${n}\n  - sub item with \`code\`\n    1. deeper`).join('\n');
    const parts = parseBlocks(text, 0);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.map((part) => part.source).join('')).toBe(text);
    for (const part of parts) expect(part.source).toMatch(/^- item \d+\n {2}- sub item/);
  });
});
