import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { MarkdownImportError, markdownToConversation } from '../../../../main/export/markdownImport';
import { sampleConversation, sampleMessage, T0 } from './sample';

const options = { timeZone: 'Europe/Paris' };

describe('Markdown export format', () => {
  it('reads as a document: front matter, headings per turn, thinking folded, usage under the answer', () => {
    const c = sampleConversation({ systemPrompt: 'You are terse.\nAnswer in English.' });
    const text = conversationToMarkdown(c, options);
    expect(text).toBe(`---
title: "Sorting in Python"
id: "0b7c1f7e-2f63-4f4a-9d43-52a1c0b9e001"
created: 2026-11-26T13:03:00.000Z
updated: 2026-11-26T13:04:00.000Z
endpoint: "https://api.inference.wandb.ai/v1"
model: "meta-llama/Llama-3.3-70B-Instruct"
pinned: false
system_prompt: |-
  You are terse.
  Answer in English.
parameters: {"temperature": 0.7}
parley_format: 1
---

# Sorting in Python

<!-- parley:message {"id":"m-1","role":"user","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0},"finishReason":null,"firstTokenMs":null,"durationMs":null,"usage":null,"error":null} -->
## You · 2026-11-26 14:03

<!-- parley:content -->
How do I sort a list?
<!-- /parley:content -->

<!-- parley:message {"id":"m-2","role":"assistant","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0 + 5000},"finishReason":"stop","firstTokenMs":320,"durationMs":2100,"usage":{"promptTokens":12,"completionTokens":34,"totalTokens":46},"error":null} -->
## Assistant · meta-llama/Llama-3.3-70B-Instruct · 2026-11-26 14:03

<details><summary>Thinking</summary>

<!-- parley:reasoning -->
A short answer will do.
<!-- /parley:reasoning -->

</details>

<!-- parley:content -->
Use \`sorted()\`:

\`\`\`python
sorted([3, 1, 2])
\`\`\`
<!-- /parley:content -->

<sub>12 prompt + 34 completion = 46 tokens · 2.1 s</sub>

<!-- /parley:conversation -->
`);
  });

  it('quotes YAML-special titles so they stay strings', () => {
    for (const title of ['yes', 'null', '~', 'key: value', '#hash', '- item', '---', "it's \"quoted\"", '@at', '123', 'line\nbreak', '\u0085nel']) {
      const text = conversationToMarkdown(sampleConversation({ title }), options);
      expect(text).toContain(`title: ${JSON.stringify(title).replace('\u0085', '\\u0085')}\n`);
      expect(markdownToConversation(text).title).toBe(title);
    }
  });

  it('shows errors, stops and interruptions to people, and closes a fence a stopped answer left open', () => {
    const c = sampleConversation({
      messages: [
        sampleMessage({ role: 'assistant', status: 'error', error: { code: 'rate-limit', message: 'Too many requests <now>', status: 429 } }),
        sampleMessage({ id: 'm-2', role: 'assistant', status: 'stopped', content: 'Here:\n```js\nconst a =' }),
        sampleMessage({ id: 'm-3', role: 'assistant', status: 'interrupted' }),
      ],
    });
    const text = conversationToMarkdown(c, options);
    expect(text).toContain('> **Error:** Too many requests \\<now\\>\n');
    expect(text).toContain('> **Stopped** before the answer was finished.\n');
    expect(text).toContain('> **Interrupted:** Parley closed while this answer was arriving.\n');
    expect(text).toContain('<!-- parley:content +fence -->\nHere:\n```js\nconst a =\n```\n<!-- /parley:content -->');
    expect(markdownToConversation(text)).toEqual(c);
  });

  it('lists earlier answers in order, folded under the current one', () => {
    const c = sampleConversation({
      messages: [sampleMessage({ role: 'assistant', content: 'third', versions: [sampleMessage({ id: 'v1', role: 'assistant', content: 'first' }), sampleMessage({ id: 'v2', role: 'assistant', content: 'second' })] })],
    });
    const text = conversationToMarkdown(c, options);
    const at = (line: string): number => text.indexOf(`\n${line}\n`);
    expect(at('third')).toBeLessThan(at('<details><summary>Earlier answers (2)</summary>'));
    expect(at('<details><summary>Earlier answers (2)</summary>')).toBeLessThan(at('first'));
    expect(at('first')).toBeLessThan(at('second'));
    expect(text).toMatch(/\n### 1 of 3 · Assistant · [^\n]+\n[\s\S]*\n### 2 of 3 · /);
    expect(markdownToConversation(text).messages[0]?.versions?.map((v) => v.content)).toEqual(['first', 'second']);
  });

  it('never writes a secret: fields outside the format, secret-named parameters, credentials in the endpoint', () => {
    const planted = 'sk-PLANTED-0123456789';
    const c = {
      ...sampleConversation({
        endpoint: `https://user:${planted}@api.example.com/v1?api_key=${planted}&api-version=2`,
        params: { temperature: 1, api_key: planted, max_tokens: 100, extra_headers: { Authorization: `Bearer ${planted}` } },
        messages: [{ ...sampleMessage({ params: { accessToken: planted } }), apiKey: planted } as never],
      }),
      apiKey: planted,
      settings: { key: planted },
    };
    const text = conversationToMarkdown(c, options);
    expect(text).not.toContain(planted);
    expect(text).toContain('endpoint: "https://api.example.com/v1?api-version=2"');
    expect(text).toContain('parameters: {"temperature": 1, "max_tokens": 100, "extra_headers": {}}');
  });
});

describe('Markdown import errors', () => {
  const good = conversationToMarkdown(sampleConversation(), options);
  const error = (text: string): MarkdownImportError => {
    try {
      markdownToConversation(text);
    } catch (e) {
      if (e instanceof MarkdownImportError) return e;
      throw e;
    }
    throw new Error('no error');
  };

  it('says a note without front matter is not a Parley export', () => {
    expect(error('# My notes\n').message).toBe('Line 1: this is not a Parley export: it does not start with front matter (---).');
    expect(error('---\ntitle: notes\n---\n').message).toBe('this is not a Parley export (its front matter has no parley_format).');
  });

  it('says a file cut short is cut short, wherever it is cut', () => {
    const lines = good.split('\n');
    for (let keep = 1; keep < lines.length - 2; keep++) {
      expect(() => markdownToConversation(lines.slice(0, keep).join('\n'))).toThrow(MarkdownImportError);
    }
    expect(error(good.slice(0, good.indexOf('<!-- /parley:reasoning -->'))).message).toMatch(/^Line \d+: the reasoning that starts here never ends; the file may be cut short\.$/);
  });

  it('names the line of a damaged message and of a bad field', () => {
    const damaged = good.replace('"role":"user"', '"role":"robot"');
    const line = damaged.split('\n').findIndex((l) => l.includes('robot')) + 1;
    expect(error(damaged).message).toBe(`Line ${line}: the message's details are not valid: role: Invalid option: expected one of "user"|"assistant".`);
    expect(error(good.replace('pinned: false', 'pinned: maybe')).message).toBe('Line 8: "pinned" should be true or false.');
    expect(error(good.replace('created: 2026-11-26T13:03:00.000Z', 'created: yesterday')).message).toMatch(/^Line 4: "created" should be a date/);
    expect(error(good.replace('parley_format: 1', 'parley_format: 2')).message).toBe('Line 11: this file was written by a newer Parley (format 2); update Parley to import it.');
  });

  it('accepts front matter an editor rewrote with plain and single-quoted values', () => {
    const edited = good.replace('title: "Sorting in Python"', "title: Sorting in Python # renamed").replace('model: "meta-llama/Llama-3.3-70B-Instruct"', "model: 'meta-llama/Llama-3.3-70B-Instruct'");
    expect(markdownToConversation(edited)).toEqual(sampleConversation());
  });
});
