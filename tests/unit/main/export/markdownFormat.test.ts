import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { MarkdownImportError, markdownToConversation } from '../../../../main/export/markdownImport';
import type { ExportVersion } from '../../../../main/export/types';
import { sampleConversation, sampleMessage, T0 } from './sample';

const options = { timeZone: 'Europe/Paris' };

describe('Markdown export format', () => {
  it('reads as a document: front matter, headings per turn, thinking folded with its time, usage under the answer', () => {
    const base = sampleConversation({ systemPrompt: 'You are terse.\nAnswer in English.' });
    const c = { ...base, messages: base.messages.map((m) => (m.role === 'assistant' ? { ...m, thinkingMs: 4_230 } : m)) };
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
parley_format: 3
---

# Sorting in Python

## You · 2026-11-26 14:03

<!-- parley:1 -->
How do I sort a list?
<!-- /parley:1 -->

## Assistant · meta-llama/Llama-3.3-70B-Instruct · 2026-11-26 14:03

<details><summary>Thinking · 4.2 s</summary>

<!-- parley:2 thinking -->
A short answer will do.
<!-- /parley:2 thinking -->

</details>

<!-- parley:2 -->
Use \`sorted()\`:

\`\`\`python
sorted([3, 1, 2])
\`\`\`
<!-- /parley:2 -->

<sub>12 prompt + 34 completion = 46 tokens · 2.1 s</sub>

<!-- parley:details
1 {"id":"m-1","role":"user","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0}}
2 {"id":"m-2","role":"assistant","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0 + 5000},"finishReason":"stop","firstTokenMs":320,"durationMs":2100,"thinkingMs":4230,"usage":{"promptTokens":12,"completionTokens":34,"totalTokens":46}}
-->
`);
    expect(markdownToConversation(text)).toEqual(c);
  });

  it('is mostly text a person reads: short markers, the machine details in one block at the end', () => {
    const text = conversationToMarkdown(sampleConversation({ messages: Array.from({ length: 20 }, (_, n) => sampleMessage({ id: `m-${n}`, role: n % 2 ? 'assistant' : 'user', content: 'A line of text.\nAnother line.' })) }), options);
    const lines = text.split('\n');
    const details = lines.indexOf('<!-- parley:details');
    const markers = lines.slice(0, details).filter((line) => line.startsWith('<!--'));
    expect(Math.max(...markers.map((line) => line.length))).toBeLessThanOrEqual(24);
    // Two short lines around each text; nothing else of the machine's between the texts.
    expect(markers).toHaveLength(2 * 20);
    expect(lines.slice(details + 1, -2).every((line) => /^\d+ \{/.test(line))).toBe(true);
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
    expect(text).toContain('<!-- parley:2 +1 -->\nHere:\n```js\nconst a =\n```\n<!-- /parley:2 -->');
    expect(markdownToConversation(text)).toEqual(c);
  });

  it('reads a format-2 file (written before Parley kept branches) as before: versions at each point, no branches', () => {
    // The front matter is the same in both formats; the body is as format 2 wrote it.
    const frontMatter = conversationToMarkdown(sampleConversation({ title: 'Sea birds', messages: [] }), options).replace('parley_format: 3', 'parley_format: 2').split('\n# ')[0];
    const format2 = `${frontMatter}
# Sea birds

## You · 2026-11-26 13:03

<!-- parley:1 -->
Name a sea bird
<!-- /parley:1 -->

<details><summary>Earlier versions (1)</summary>

### 1 of 2 · You · 2026-11-26 13:03

<!-- parley:1.1 -->
Name a bird
<!-- /parley:1.1 -->

</details>

## Assistant · meta-llama/Llama-3.3-70B-Instruct · 2026-11-26 13:03

<!-- parley:2 -->
A gannet.
<!-- /parley:2 -->

<details><summary>Earlier answers (2)</summary>

### 1 of 3 · Assistant · meta-llama/Llama-3.3-70B-Instruct · 2026-11-26 13:03

<!-- parley:2.1 -->
A robin.
<!-- /parley:2.1 -->

### 2 of 3 · Assistant · meta-llama/Llama-3.3-70B-Instruct · 2026-11-26 13:03

<!-- parley:2.2 -->
A puffin.
<!-- /parley:2.2 -->

</details>

<!-- parley:details
1 {"id":"q1","role":"user","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0}}
1.1 {"id":"q0","role":"user","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0}}
2 {"id":"a1","role":"assistant","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0}}
2.1 {"id":"a0","role":"assistant","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0}}
2.2 {"id":"a00","role":"assistant","status":"complete","model":"meta-llama/Llama-3.3-70B-Instruct","createdAt":${T0}}
-->
`;
    const version = (id: string, role: 'user' | 'assistant', content: string) => sampleMessage({ id, role, content });
    expect(markdownToConversation(format2)).toEqual(
      sampleConversation({
        title: 'Sea birds',
        messages: [
          { ...version('q1', 'user', 'Name a sea bird'), versions: [version('q0', 'user', 'Name a bird')] },
          { ...version('a1', 'assistant', 'A gannet.'), versions: [version('a0', 'assistant', 'A robin.'), version('a00', 'assistant', 'A puffin.')] },
        ],
      }),
    );
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

  it('refuses a branch whose version is not in the file, naming the line', () => {
    const robin: ExportVersion = { ...sampleMessage({ id: 'a0', role: 'assistant', content: 'A robin.' }), continuation: [sampleMessage({ id: 'q2', content: 'Where does it live?' })] };
    const text = conversationToMarkdown(sampleConversation({ messages: [sampleMessage({ id: 'q1' }), sampleMessage({ id: 'a1', role: 'assistant', versions: [robin] })] }), options);
    expect(markdownToConversation(text).messages[1]?.versions).toEqual([robin]);
    const lines = text.split('\n');
    const withoutVersion = lines.filter((line) => !line.startsWith('2.1 {')).join('\n').replace('<!-- parley:2.1 -->\nA robin.\n<!-- /parley:2.1 -->', '');
    const line = withoutVersion.split('\n').findIndex((l) => l.startsWith('2.1-3 {')) + 1;
    expect(error(withoutVersion).message).toBe(`Line ${line}: found the details of 2.1-3 before those of version 2.1.`);
  });

  it('says a note without front matter is not a Parley export', () => {
    expect(error('# My notes\n').message).toBe('Line 1: this is not a Parley export: it does not start with front matter (---).');
    expect(error('---\ntitle: notes\n---\n').message).toBe('this is not a Parley export (its front matter has no parley_format).');
  });

  it('says a file cut short is cut short, wherever it is cut', () => {
    const lines = good.split('\n');
    for (let keep = 1; keep < lines.length - 2; keep++) {
      expect(() => markdownToConversation(lines.slice(0, keep).join('\n'))).toThrow(MarkdownImportError);
    }
    expect(error(good.slice(0, good.indexOf('<!-- /parley:2 thinking -->'))).message).toMatch(/^Line \d+: the thinking that starts here never ends; the file may be cut short\.$/);
    expect(error(good.slice(0, good.indexOf('<!-- parley:details'))).message).toBe('the file ends before the details of its messages (<!-- parley:details …); the file may be cut short.');
  });

  it('names the line of a damaged message and of a bad field', () => {
    const damaged = good.replace('"role":"user"', '"role":"robot"');
    const line = damaged.split('\n').findIndex((l) => l.includes('robot')) + 1;
    expect(error(damaged).message).toBe(`Line ${line}: the message's details are not valid: role: Invalid option: expected one of "user"|"assistant".`);
    expect(error(good.replace('pinned: false', 'pinned: maybe')).message).toBe('Line 8: "pinned" should be true or false.');
    expect(error(good.replace('created: 2026-11-26T13:03:00.000Z', 'created: yesterday')).message).toMatch(/^Line 4: "created" should be a date/);
    expect(error(good.replace('title: "Sorting in Python"', 'title: "unterminated')).message).toMatch(/^Line 2: the front matter is not valid YAML: /);
    expect(error(good.replace('parley_format: 3', 'parley_format: 4')).message).toBe('Line 11: this file was written by a newer Parley (format 4); update Parley to import it.');
  });

  it('accepts front matter an editor rewrote with plain and single-quoted values', () => {
    const edited = good.replace('title: "Sorting in Python"', "title: Sorting in Python # renamed").replace('model: "meta-llama/Llama-3.3-70B-Instruct"', "model: 'meta-llama/Llama-3.3-70B-Instruct'");
    expect(markdownToConversation(edited)).toEqual(sampleConversation());
  });
});

describe('Markdown that stays a document', () => {
  it('keeps bidi controls in a title out of the heading, escaped in the front matter, and exact on import', () => {
    const title = 'Invoice \u202egnp.exe and مرحبا';
    const text = conversationToMarkdown(sampleConversation({ title }), options);
    expect(text).toContain('\n# Invoice gnp.exe and مرحبا\n');
    expect(text).toContain('title: "Invoice \\u202egnp.exe and مرحبا"\n');
    expect(text).not.toContain('\u202e');
    expect(markdownToConversation(text).title).toBe(title);
  });

  it('wraps thinking that holds a </details> line in a fence, and reads it back exactly', () => {
    const reasoning = 'Close the section:\n</details>\nstill thinking, with ```` fences';
    const c = sampleConversation({ messages: [sampleMessage({ role: 'assistant', reasoning })] });
    const text = conversationToMarkdown(c, options);
    expect(text).toContain(`<!-- parley:1 thinking fenced -->\n\`\`\`\`\`\n${reasoning}\n\`\`\`\`\`\n<!-- /parley:1 thinking -->`);
    expect(markdownToConversation(text)).toEqual(c);
  });

  it('closes raw HTML an answer left open, and reads the answer back without what was added', () => {
    const content = 'Here is the page:\n\n<pre>\n<script>alert(1)\n<!-- a comment';
    const c = sampleConversation({ messages: [sampleMessage({ role: 'assistant', status: 'stopped', content })] });
    const text = conversationToMarkdown(c, options);
    expect(text).toContain(`<!-- parley:1 +3 -->\n${content}\n<!-- -->\n</script>\n</pre>\n<!-- /parley:1 -->`);
    expect(markdownToConversation(text)).toEqual(c);
  });
});

describe('front matter edited in another tool', () => {
  const good = conversationToMarkdown(sampleConversation({ systemPrompt: 'Be brief.' }), options);
  const frontMatter = good.slice(0, good.indexOf('\n---\n') + 5);
  const body = good.slice(frontMatter.length);

  it("reads Obsidian's Properties: block lists, plain strings, a folded prompt, a date without a time", () => {
    const edited = `---
title: Sorting in Python
id: 0b7c1f7e-2f63-4f4a-9d43-52a1c0b9e001
created: 2026-11-26
updated: 2026-11-26T14:04
endpoint: https://api.inference.wandb.ai/v1
model: meta-llama/Llama-3.3-70B-Instruct
pinned: true
tags:
  - chat
  - python
aliases: []
system_prompt: >-
  Be brief,
  and kind.
parameters:
  temperature: 0.7
parley_format: 2
---
`;
    const read = markdownToConversation(edited + body);
    expect(read).toEqual({
      ...sampleConversation(),
      systemPrompt: 'Be brief, and kind.',
      pinned: true,
      createdAt: Date.UTC(2026, 10, 26),
      updatedAt: new Date(2026, 10, 26, 14, 4).getTime(),
    });
  });

  it('keeps values that look like numbers or dates as the text they are', () => {
    const edited = frontMatter.replace('title: "Sorting in Python"', 'title: 2024').replace('model: "meta-llama/Llama-3.3-70B-Instruct"', 'model: 1e5');
    expect(markdownToConversation(edited + body)).toMatchObject({ title: '2024', model: '1e5' });
  });

  it('names the line of a field it cannot use, and refuses aliases', () => {
    const error = (text: string): string => {
      try {
        markdownToConversation(text);
      } catch (e) {
        if (e instanceof MarkdownImportError) return e.message;
      }
      return 'no error';
    };
    expect(error(frontMatter.replace('title: "Sorting in Python"', 'title:\n  - a\n  - list') + body)).toBe('Line 2: "title" should be text.');
    expect(error(frontMatter.replace('parameters: {"temperature": 0.7}', 'parameters: [1, 2]') + body)).toBe('Line 10: "parameters" should be a mapping of parameters, like {"temperature": 0.7}.');
    expect(error(frontMatter.replace('model: "meta-llama/Llama-3.3-70B-Instruct"', 'model: &m "x"\nendpoint_copy: *m') + body)).toBe('Line 2: the front matter uses YAML aliases, which Parley does not read.');
  });
});
