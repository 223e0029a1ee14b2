/** fast-check generators of conversations with every kind of text that could confuse the Markdown format. */
import fc from 'fast-check';
import type { ErrorCode, MessageStatus } from '../../../../shared/ipc';
import { withoutSecrets } from '../../../../main/export/redact';
import type { ExportConversation, ExportMessage, ExportVersion, JsonValue, ModelParams } from '../../../../main/export/types';

/** Starts of raw HTML that run until an end marker (CommonMark HTML blocks 1–5), and a `<details>` that would fold the rest away. */
export const HTML_OPENERS = ['<pre>', '<PRE class="x">', '<script>', '<style>', '<textarea>', '<!--', '<?php', '<!DOCTYPE html', '<![CDATA[', '<details>', '<details open>'];

const TRICKY = [
  '---', '--- ', '...', '## You · 2026-11-26 14:03', '## Assistant · m · 2026-11-26 14:03', '# Title',
  '```', '````', '```js', '~~~', '~~~~ python', '    ```', '> ```',
  '<details>', '</details>', '<details><summary>Thinking</summary>', '</summary>', '<!-- -->', '<!--', '-->',
  '<!-- parley:content -->', '<!-- /parley:content -->', '<!-- /parley:content #2 -->', '<!-- /parley:reasoning -->',
  '<!-- parley:message {"id":"x","role":"user"} -->', '<!-- parley:version {} -->', '<!-- /parley:conversation -->', '<!-- parley:bogus -->',
  '---\ntitle: "x"\nparley_format: 1\n---', 'title: yes', 'yes', 'null', '~', 'key: value', '- item', '#comment', '&anchor', '*alias', '!tag', '%YAML',
  '<sub>1 prompt</sub>', '> **Error:** x', '<script>alert(1)</script>', '</div>', '   ', '\t', ' ', '', '\r', '\r\n', '\n', '\n\n',
  // Raw HTML an answer may leave open (a stopped answer is enough), and Parley's own markers.
  ...HTML_OPENERS, '</pre>', '</script>', '</details >', '<div>', '`<details>`', '   <pre>', '    <pre>', '- <pre>', '> <script>',
  '<!-- parley:1 -->', '<!-- /parley:1 -->', '<!-- /parley:1 thinking -->', '<!-- /parley:1 #2 -->', '<!-- parley:2 +1 -->', '<!-- parley:1 thinking fenced -->',
  '<!-- parley:details', '1 {"id":"x","role":"user"}', '<!-- /parley:1.1 -->',
  'مرحبا بالعالم', 'שלום', '\u202eevil', '😀', '👨‍👩‍👧‍👦', '🇫🇷', '東京都', '한국어', 'e\u0301', '\u0000', '\u0085', '\u2028', '\ufeff', '\u007f',
];

/** Text built from tricky lines and random Unicode, joined by newlines (and sometimes nothing). */
export const trickyText = (maxPieces = 12): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TRICKY) }, fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: maxPieces })
    .chain((pieces) => fc.array(fc.constantFrom('\n', '\n', '', ' ', '\r\n'), { minLength: pieces.length, maxLength: pieces.length }).map((seps) => pieces.map((p, i) => p + (seps[i] ?? '')).join('')));

const smallText = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(...TRICKY));

/** Multi-line prompts of plain lines (written as YAML literal blocks) as well as tricky ones. */
const systemPrompt = fc.oneof(
  fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => /^\S(.*\S)?$/su.test(s) && !s.includes('\n')), { maxLength: 5 }).chain((lines) => fc.constantFrom('', '\n').map((end) => lines.join('\n') + end)),
  trickyText(6),
);

const json: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;
/** Secret-named keys are dropped on export by design, so the generated data has none. */
const params: fc.Arbitrary<ModelParams> = fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 4 }).map((p) => withoutSecrets(JSON.parse(JSON.stringify(p)) as ModelParams));

const STATUSES: MessageStatus[] = ['complete', 'streaming', 'stopped', 'error', 'interrupted'];
const CODES: ErrorCode[] = ['auth', 'rate-limit', 'server', 'timeout', 'dropped', 'internal'];
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const count = fc.integer({ min: 0, max: 1_000_000 });

const version: fc.Arbitrary<ExportVersion> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 40 }),
      role: fc.constantFrom('user' as const, 'assistant' as const),
      content: trickyText(),
      reasoning: fc.oneof(fc.constant(''), trickyText(6)),
      status: fc.constantFrom(...STATUSES),
      error: fc.option(fc.record({ code: fc.constantFrom(...CODES), message: smallText, status: fc.integer({ min: 100, max: 599 }), param: smallText }, { requiredKeys: ['code', 'message'] }), { nil: null }),
      usage: fc.option(fc.record({ promptTokens: count, completionTokens: count, totalTokens: count }), { nil: null }),
      model: smallText,
      finishReason: fc.option(fc.constantFrom('stop', 'length', 'content_filter'), { nil: null }),
      firstTokenMs: fc.option(count, { nil: null }),
      durationMs: fc.option(count, { nil: null }),
      thinkingMs: fc.option(count, { nil: null }),
      createdAt: time,
      params,
    },
    { requiredKeys: ['id', 'role', 'content', 'reasoning', 'status', 'error', 'usage', 'model', 'finishReason', 'firstTokenMs', 'durationMs', 'thinkingMs', 'createdAt'] },
  );

/** Versions with the order they were last shown in: `recency` set where it differs from the version's place, as an export writes it. */
const rankedVersions = (one: fc.Arbitrary<ExportVersion>): fc.Arbitrary<ExportVersion[]> =>
  fc.array(one, { minLength: 1, maxLength: 3 }).chain((versions) =>
    fc.shuffledSubarray([...versions.keys()], { minLength: versions.length, maxLength: versions.length }).map((ranks) =>
      versions.map((v, index) => (ranks[index] === index ? v : { ...v, recency: ranks[index] as number })),
    ),
  );

/** A branch `depth` levels deep at most: messages with versions, and below a version, the branch that went on from it. */
const branch = (depth: number, maxLength: number): fc.Arbitrary<ExportMessage[]> => {
  const withContinuation: fc.Arbitrary<ExportVersion> =
    depth === 0 ? version : fc.tuple(version, fc.option(branch(depth - 1, 2).filter((b) => b.length > 0), { nil: undefined, freq: 2 })).map(([v, continuation]) => (continuation ? { ...v, continuation } : v));
  // A message has other versions or none: an empty list is not a state history keeps.
  const message = fc.tuple(version, fc.option(rankedVersions(withContinuation), { nil: undefined })).map(([m, versions]): ExportMessage => (versions === undefined ? m : { ...m, versions }));
  return fc.array(message, { maxLength });
};

export const conversation: fc.Arbitrary<ExportConversation> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 40 }),
  title: fc.oneof(smallText, trickyText(3)),
  model: smallText,
  createdAt: time,
  updatedAt: time,
  pinned: fc.boolean(),
  systemPrompt,
  endpoint: fc.constantFrom('', 'https://api.inference.wandb.ai/v1', 'http://127.0.0.1:8080/v1', 'https://example.com/v1?api-version=2024-01'),
  params,
  messages: branch(2, 6),
});
