import type { ElementContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { Code, Html, Paragraph, Root } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Handler, State } from 'mdast-util-to-hast';
import { defaultHandlers, toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { CodeBlock } from './CodeBlock';
import { MarkdownImage } from './MarkdownImage';
import { MarkdownLink } from './MarkdownLink';
import { mathToHast } from './mathToHast';

const text = (value: string): ElementContent => ({ type: 'text', value });

// mdast → hast. Raw HTML becomes text: model output never becomes elements, by construction.
const handlers: Record<string, Handler> = {
  html: (_state: State, node: Html) => text(node.value),
  code: (_state: State, node: Code): ElementContent => ({ type: 'element', tagName: 'pre', properties: { dataLanguage: node.lang ?? '' }, children: [text(node.value)] }),
  math: (_state: State, node: Math) => mathToHast(node.value, true),
  inlineMath: (_state: State, node: InlineMath) => mathToHast(node.value, false),
  // A paragraph that is only `$$…$$` (or `$…$`) is meant as display math.
  paragraph: (state: State, node: Paragraph) => {
    const [only] = node.children;
    return node.children.length === 1 && only?.type === 'inlineMath' ? mathToHast(only.value, true) : defaultHandlers.paragraph(state, node);
  },
};

// hast → React. Links, images and code blocks get their own components; everything else is plain elements.
const components: Partial<Components> = { a: MarkdownLink, img: MarkdownImage, pre: CodeBlock };

/** A parsed block as React elements. */
export function renderTree(tree: Root): ReactNode {
  const hast = toHast(tree, { handlers });
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true });
}
