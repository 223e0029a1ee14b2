/**
 * An export must render as a document in the Markdown tools people open it with, whatever the
 * answers hold: rendered with a CommonMark + GFM parser (micromark, as remark and GitHub's
 * cmark-gfm follow the same block rules) and the HTML built into a tree the way a browser does
 * (parse5), every message after a hostile one must still be there to read, not swallowed as
 * literal source or folded into a <details>.
 */
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import type { ExportConversation, ExportMessage } from '../../../../main/export/types';
import { conversation, HTML_OPENERS, trickyText } from './arbitraries';
import { sampleConversation, sampleMessage } from './sample';

/** Elements whose content a reader does not see as the document: literal source, code, or folded away. */
const SWALLOWING = new Set(['pre', 'code', 'script', 'style', 'textarea', 'template', 'noscript', 'title', 'select', 'option', 'object', 'iframe', 'details']);

/**
 * The page a browser builds from the Markdown, via the HTML a CommonMark renderer writes (raw
 * HTML kept, as GitHub keeps most). The front matter is metadata, as GitHub, Obsidian and pandoc
 * read it, so the body is what is rendered.
 */
function renderedPage(markdown: string): Root {
  const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
  const mdast = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const html = toHtml(toHast(mdast, { allowDangerousHtml: true }), { allowDangerousHtml: true });
  return fromHtml(html);
}

/** The text a node holds (comments hold none a reader sees). */
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Every element with its ancestors' tag names. */
function* elements(node: Root | RootContent, ancestors: string[] = []): Generator<{ element: Element; ancestors: string[] }> {
  if (node.type === 'element') yield { element: node, ancestors };
  if ('children' in node) for (const child of node.children) yield* elements(child, node.type === 'element' ? [...ancestors, node.tagName] : ancestors);
}

/** An answer a reader can see in full: its Thinking section is a details of its own, its text a paragraph, neither inside anything that swallows it. */
function readable(page: Root, n: number): boolean {
  const all = [...elements(page)];
  const free = ({ ancestors }: { ancestors: string[] }) => !ancestors.some((tag) => SWALLOWING.has(tag));
  const thinking = all.find(({ element }) => element.tagName === 'details' && textOf(element).includes(`think-${n}`));
  const answer = all.find(({ element }) => element.tagName === 'p' && textOf(element) === `answer-${n}`);
  return thinking !== undefined && free(thinking) && answer !== undefined && free(answer);
}

/** After each message, a plain answer whose Thinking and text must stay readable. */
function withWitnesses(c: ExportConversation): ExportConversation {
  const witness = (n: number): ExportMessage => sampleMessage({ id: `w-${n}`, role: 'assistant', reasoning: `think-${n}`, content: `answer-${n}` });
  return { ...c, messages: c.messages.flatMap((m, n) => [m, witness(n)]) };
}

describe('Markdown export as people see it', () => {
  it('keeps every later message readable, whatever raw HTML, fences or markers an answer holds', () => {
    fc.assert(
      fc.property(conversation, (c) => {
        const sample = withWitnesses(c);
        const page = renderedPage(conversationToMarkdown(sample, { timeZone: 'UTC' }));
        sample.messages.forEach((_, n) => {
          if (n % 2 === 1) expect(readable(page, (n - 1) / 2), `message ${n}`).toBe(true);
        });
      }),
      // A fixed seed: the suite answers the same on every run (a rare random case once failed here and was not kept).
      { numRuns: 80, seed: 19 },
    );
  }, 120_000);

  it.each(HTML_OPENERS)('an answer stopped inside %s leaves the rest of the file as a document', (opener) => {
    const stopped = sampleMessage({ id: 'a-1', role: 'assistant', status: 'stopped', content: `Here is the page:\n\n${opener}\n<body>half` });
    const c = withWitnesses(sampleConversation({ messages: [stopped, sampleMessage({ id: 'u-2', content: 'Go on' })] }));
    const page = renderedPage(conversationToMarkdown(c, { timeZone: 'UTC' }));
    expect(readable(page, 0)).toBe(true);
    expect(readable(page, 1)).toBe(true);
  });

  it('counts an end tag inside a bogus comment as text: <details> left open by "<![CDATA[ … </details>" is closed', () => {
    // Found by the property above (seed 1237562834): the browser folds `</details>` into the comment `<![CDATA[` starts.
    const question = sampleMessage({ id: 'u-1', role: 'user', content: '<details open>\n<![CDATA[\n</details>\n' });
    const page = renderedPage(conversationToMarkdown(withWitnesses(sampleConversation({ messages: [question] })), { timeZone: 'UTC' }));
    expect(readable(page, 0)).toBe(true);
  });

  it('follows raw HTML on a line whose comment ends where it starts: "<!-- --> <!DOCTYPE html" left open is ended', () => {
    // Found by the property above (seed 19): the line is an HTML block, so the browser reads the doctype on to the next `>`.
    const question = sampleMessage({ id: 'u-1', role: 'user', content: '<details open>\n\n<!-- --> <!DOCTYPE html\n' });
    const page = renderedPage(conversationToMarkdown(withWitnesses(sampleConversation({ messages: [question] })), { timeZone: 'UTC' }));
    expect(readable(page, 0)).toBe(true);
  });

  it('keeps thinking that holds a </details> line inside its own section', () => {
    const c = withWitnesses(sampleConversation({ messages: [sampleMessage({ id: 'a-1', role: 'assistant', reasoning: 'I will close it:\n</details>\nand go on thinking.', content: 'Done.' })] }));
    const page = renderedPage(conversationToMarkdown(c, { timeZone: 'UTC' }));
    const thinking = [...elements(page)].find(({ element }) => element.tagName === 'details' && textOf(element).includes('I will close it'));
    expect(thinking && textOf(thinking.element)).toContain('and go on thinking.');
    expect(readable(page, 0)).toBe(true);
  });

  it('random hostile thinking stays in its section, and the answer after it stays out', () => {
    fc.assert(
      fc.property(trickyText(), (reasoning) => {
        const c = withWitnesses(sampleConversation({ messages: [sampleMessage({ id: 'a-1', role: 'assistant', reasoning: `${reasoning}\nend-of-thought`, content: 'answer-text' })] }));
        const page = renderedPage(conversationToMarkdown(c, { timeZone: 'UTC' }));
        expect(readable(page, 0)).toBe(true);
      }),
      { numRuns: 150, seed: 19 },
    );
  }, 60_000);
});
