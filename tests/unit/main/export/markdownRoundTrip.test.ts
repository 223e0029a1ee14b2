import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import { conversation } from './arbitraries';
import { sampleConversation, sampleMessage } from './sample';

const options = { timeZone: 'Asia/Kolkata' };

describe('Markdown round trip', () => {
  it('gives back the same conversation, and the same bytes when exported again', () => {
    fc.assert(
      fc.property(conversation, (c) => {
        const markdown = conversationToMarkdown(c, options);
        const back = markdownToConversation(markdown);
        expect(back).toEqual(c);
        expect(conversationToMarkdown(back, options)).toBe(markdown);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same conversation gives the same bytes', () => {
    fc.assert(fc.property(conversation, (c) => conversationToMarkdown(c, options) === conversationToMarkdown(structuredClone(c), options)), { numRuns: 100 });
  });

  it('keeps a 2 MB answer with nested fences exactly', () => {
    const chunk = 'text ```` with ```js\nfences ~~~\n<!-- /parley:content -->\n## You · now\n---\n';
    const content = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const c = sampleConversation({ messages: [sampleMessage({ role: 'assistant', content })] });
    expect(markdownToConversation(conversationToMarkdown(c)).messages[0]?.content).toBe(content);
  });

  it('reads a file whose line endings were turned into CRLF, with texts back in LF', () => {
    const c = sampleConversation({ systemPrompt: 'Line one\nLine two' });
    const markdown = conversationToMarkdown(c, options);
    expect(markdownToConversation(markdown.replace(/\n/g, '\r\n'))).toEqual(c);
    expect(markdownToConversation(`\ufeff${markdown}`)).toEqual(c);
  });
});
