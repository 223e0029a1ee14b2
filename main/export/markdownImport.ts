/**
 * Reads a Parley Markdown export back into a conversation: the exact inverse of
 * conversationToMarkdown for files as written. A file whose line endings an editor or git
 * turned into CRLF is read too; its texts then come back with LF line endings (a CRLF inside a
 * message cannot be told apart from one added by the conversion). Front matter an editor
 * rewrote (Obsidian's Properties, other YAML styles) reads as long as its values still fit.
 */
import { DETAILS_END, DETAILS_LINE, DETAILS_START, FORMAT_VERSION, MARKER_PREFIX, READABLE_FORMATS, closeMarker, readOpenMarker, textBetween, type TextKey, type TextPart } from './markdownFormat';
import { describeIssues, messageDetailsSchema, paramsSchema, type MessageDetails } from './schema';
import type { ExportConversation, ExportMessage, ExportVersion, ModelParams } from './types';
import { readFrontMatter, YamlError, type YamlField } from './yaml';

/** A file Parley cannot read, with a sentence for the user and the line it is about. */
export class MarkdownImportError extends Error {
  override readonly name = 'MarkdownImportError';
  constructor(
    /** 1-based; null when the problem is the file as a whole. */
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `Line ${line}: ${reason}`);
  }
}

const CUT_SHORT = 'the file may be cut short';

function toLines(text: string): string[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  // Exports are written with LF; a CR on the first line means the whole file was converted.
  return (body.startsWith('---\r\n') ? body.replace(/\r\n/g, '\n') : body).split('\n');
}

/** "2026-11-26", "2026-11-26T14:03", "2026-11-26T14:03:00.000Z", "2026-11-26 14:03:00+01:00". */
const DATE = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/;

/** Typed reads of front matter fields, each failing with the field's line. */
function fieldReader(fields: Map<string, YamlField>, typed: (key: string) => unknown, endLine: number) {
  const get = (key: string): YamlField => {
    const field = fields.get(key);
    if (!field) throw new MarkdownImportError(endLine, `the front matter has no "${key}".`);
    return field;
  };
  const fail = (field: YamlField, key: string, what: string): never => {
    throw new MarkdownImportError(field.line, `"${key}" should be ${what}.`);
  };
  const text = (key: string, what = 'text'): string => {
    const field = get(key);
    return typeof field.value === 'string' ? field.value : fail(field, key, what);
  };
  const optional = <T,>(key: string, read: (key: string) => T, absent: T): T => (fields.has(key) ? read(key) : absent);
  return {
    text: (key: string) => text(key),
    optional,
    time: (key: string) => {
      const value = text(key, 'a date');
      const ms = DATE.test(value) ? Date.parse(value.replace(' ', 'T')) : NaN;
      return Number.isNaN(ms) ? fail(get(key), key, 'a date like 2026-11-26, or a date and time like 2026-11-26T14:03:00.000Z') : ms;
    },
    boolean: (key: string) => {
      const value = text(key, 'true or false').toLowerCase();
      return value === 'true' ? true : value === 'false' ? false : fail(get(key), key, 'true or false');
    },
    params: (key: string): ModelParams => {
      const result = paramsSchema.safeParse(typed(key) ?? {});
      return result.success ? result.data : fail(get(key), key, 'a mapping of parameters, like {"temperature": 0.7}');
    },
  };
}

function frontMatter(lines: string[]): { read: ReturnType<typeof fieldReader>; line: (key: string) => number | null; end: number } {
  if (lines[0] !== '---') throw new MarkdownImportError(1, 'this is not a Parley export: it does not start with front matter (---).');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new MarkdownImportError(null, `the front matter never ends (no closing ---); ${CUT_SHORT}.`);
  try {
    const { fields, typed } = readFrontMatter(lines.slice(1, end).join('\n'), 2);
    return { read: fieldReader(fields, typed, end + 1), line: (key) => fields.get(key)?.line ?? null, end };
  } catch (error) {
    if (error instanceof YamlError) throw new MarkdownImportError(error.line, `${error.message}.`);
    throw error;
  }
}

interface Body {
  /** Texts by `key part`. */
  texts: Map<string, { text: string; line: number }>;
  /** Details in file order, with their lines. */
  details: { key: TextKey; meta: MessageDetails; line: number }[];
}

const textId = (key: TextKey, part: TextPart): string => `${key} ${part}`;

function readDetails(lines: readonly string[], from: number): { details: Body['details']; end: number } {
  const details: Body['details'] = [];
  for (let index = from; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const line = index + 1;
    if (text === DETAILS_END) return { details, end: index };
    const match = DETAILS_LINE.exec(text);
    if (!match) throw new MarkdownImportError(line, `"${text.slice(0, 60)}" is not a line of message details.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(match[2] ?? '');
    } catch {
      throw new MarkdownImportError(line, "the message's details are not valid JSON.");
    }
    const result = messageDetailsSchema.safeParse(parsed);
    if (!result.success) throw new MarkdownImportError(line, `the message's details are not valid: ${describeIssues(result.error)}.`);
    details.push({ key: match[1] ?? '', meta: result.data, line });
  }
  throw new MarkdownImportError(from, `the message details that start here never end; ${CUT_SHORT}.`);
}

/** Walks the body: texts between their comments, then the details; lines between are decoration for people. */
function readBody(lines: readonly string[], from: number): Body {
  const texts: Body['texts'] = new Map();
  for (let index = from; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const line = index + 1;
    if (!MARKER_PREFIX.test(text)) continue;
    if (text === DETAILS_START) return { texts, details: readDetails(lines, index + 1).details };
    const opened = readOpenMarker(text);
    if (!opened) throw new MarkdownImportError(line, `"${text.slice(0, 60)}" is not a marker Parley writes.`);
    const close = lines.indexOf(closeMarker(opened.key, opened.part, opened.tag), index + 1);
    const what = opened.part === 'thinking' ? 'thinking' : 'text';
    if (close < 0) throw new MarkdownImportError(line, `the ${what} that starts here never ends; ${CUT_SHORT}.`);
    const between = textBetween(lines.slice(index + 1, close), opened);
    if (between === null) throw new MarkdownImportError(close + 1, `lines Parley added to close the ${what} are missing before this line.`);
    const id = textId(opened.key, opened.part);
    if (texts.has(id)) throw new MarkdownImportError(line, `the ${what} of message ${opened.key} appears twice.`);
    texts.set(id, { text: between, line });
    index = close;
  }
  throw new MarkdownImportError(null, `the file ends before the details of its messages (${DETAILS_START} …); ${CUT_SHORT}.`);
}

/** `2.1` is version 1 of message `2`; `2.1-3` is message 3 of the branch after version `2.1` (see markdownFormat.ts). */
const VERSION_KEY = /^(.+)\.(\d+)$/;
const BRANCH_KEY = /^(.+)-(\d+)$/;

/** A branch being read: the number of its first message in the conversation, its messages so far. */
interface Branch {
  start: number;
  messages: ExportMessage[];
}

/**
 * The tree from the details, in file order, each message with its texts: every message follows
 * the one before it on its branch, every version its message's other versions, every branch
 * its version; every text must belong to a message and every message have its text.
 */
function assemble({ texts, details }: Body): ExportMessage[] {
  const used = new Set<string>();
  const textOf = (key: TextKey, part: TextPart): string | undefined => {
    const found = texts.get(textId(key, part));
    if (found) used.add(textId(key, part));
    return found?.text;
  };
  const shown: Branch = { start: 1, messages: [] };
  const branches = new Map<TextKey, Branch>([['', shown]]);
  const messages = new Map<TextKey, { message: ExportMessage; number: number }>();
  const versions = new Map<ExportVersion, Branch>();
  for (const { key, meta, line } of details) {
    const content = textOf(key, 'content');
    if (content === undefined) throw new MarkdownImportError(line, `message ${key} has no text in the file.`);
    const { recency, ...node } = { ...meta, content, reasoning: textOf(key, 'thinking') ?? '' };
    const asVersion = VERSION_KEY.exec(key);
    if (asVersion) {
      const [, of = ''] = asVersion;
      const message = messages.get(of)?.message;
      const expected = `${of}.${(message?.versions?.length ?? 0) + 1}`;
      if (!message || key !== expected) throw new MarkdownImportError(line, message ? `expected the details of message ${expected} here, found ${key}.` : `found the details of ${key} before those of message ${of}.`);
      const version: ExportVersion = recency === undefined ? node : { ...node, recency };
      message.versions = [...(message.versions ?? []), version];
      const branch: Branch = { start: (messages.get(of)?.number ?? 0) + 1, messages: [] };
      branches.set(key, branch);
      versions.set(version, branch);
      continue;
    }
    const [, from = '', number = key] = BRANCH_KEY.exec(key) ?? [];
    const branch = branches.get(from);
    const expected = branch && `${from === '' ? '' : `${from}-`}${branch.start + branch.messages.length}`;
    if (!branch || key !== expected) throw new MarkdownImportError(line, branch ? `expected the details of message ${expected} here, found ${key}.` : `found the details of ${key} before those of version ${from}.`);
    branch.messages.push(node);
    messages.set(key, { message: node, number: Number(number) });
  }
  for (const [version, branch] of versions) if (branch.messages.length > 0) version.continuation = branch.messages;
  const stray = [...texts].find(([id]) => !used.has(id));
  if (stray) throw new MarkdownImportError(stray[1].line, `this text belongs to no message in the file's details.`);
  return shown.messages;
}

export function markdownToConversation(text: string): ExportConversation {
  const lines = toLines(text);
  const { read, line, end } = frontMatter(lines);
  const format = read.optional('parley_format', read.text, '');
  if (format === '') throw new MarkdownImportError(null, 'this is not a Parley export (its front matter has no parley_format).');
  if (!READABLE_FORMATS.includes(format)) {
    const number = Number(format);
    const reason =
      number > FORMAT_VERSION
        ? `this file was written by a newer Parley (format ${format}); update Parley to import it.`
        : number === 1
          ? 'this file was written by a test version of Parley (format 1), which this version does not read.'
          : `unknown format "${format}".`;
    throw new MarkdownImportError(line('parley_format'), reason);
  }
  const id = read.text('id');
  if (id === '') throw new MarkdownImportError(line('id'), 'the conversation has an empty id.');
  return {
    id,
    title: read.text('title'),
    model: read.optional('model', read.text, ''),
    createdAt: read.time('created'),
    updatedAt: read.time('updated'),
    pinned: read.optional('pinned', read.boolean, false),
    systemPrompt: read.optional('system_prompt', read.text, ''),
    endpoint: read.optional('endpoint', read.text, ''),
    params: read.optional('parameters', read.params, {}),
    messages: assemble(readBody(lines, end + 1)),
  };
}
