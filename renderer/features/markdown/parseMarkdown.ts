import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { boundDepth } from './boundDepth';

// Built once: the extension objects are plain data, shared by every parse.
const options = {
  extensions: [gfm(), math()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
};

/** Markdown → mdast with GitHub-flavoured Markdown and `$`/`$$` math, nested at most MAX_NESTING deep. */
export function parseMarkdown(source: string): Root {
  return boundDepth(fromMarkdown(source, options), source);
}
