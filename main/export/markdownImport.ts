/**
 * Reads a Parley Markdown export back into a conversation: the exact inverse of
 * conversationToMarkdown for files as written. A file whose line endings an editor or git
 * turned into CRLF is read too; its texts then come back with LF line endings (a CRLF inside a
 * message cannot be told apart from one added by the conversion).
 */
import type { z } from 'zod';
import { END_MARKER, FORMAT_VERSION, MARKER_PREFIX, META_LINE, REGION_OPEN, regionClose, regionText } from './markdownFormat';
import type { MetaKind, RegionName } from './markdownFormat';
import { describeIssues, messageMarkerSchema, paramsSchema } from './schema';
import type { ExportConversation, ExportMessage, ExportVersion, ModelParams } from './types';
import { readYamlMapping, YamlError } from './yaml';
import type { YamlValue } from './yaml';

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

function frontMatter(lines: string[]): { fields: Map<string, YamlValue>; end: number } {
  if (lines[0] !== '---') throw new MarkdownImportError(1, 'this is not a Parley export: it does not start with front matter (---).');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new MarkdownImportError(null, `the front matter never ends (no closing ---); ${CUT_SHORT}.`);
  try {
    return { fields: readYamlMapping(lines.slice(1, end), 2), end };
  } catch (error) {
    if (error instanceof YamlError) throw new MarkdownImportError(error.line, `${error.message}.`);
    throw error;
  }
}

/** Typed reads of front matter fields, each failing with the field's line. */
function fieldReader(fields: Map<string, YamlValue>, endLine: number) {
  const get = (key: string): YamlValue => {
    const value = fields.get(key);
    if (!value) throw new MarkdownImportError(endLine, `the front matter has no "${key}".`);
    return value;
  };
  const fail = (value: YamlValue, key: string, what: string): never => {
    throw new MarkdownImportError(value.line, `"${key}" should be ${what}.`);
  };
  return {
    has: (key: string) => fields.has(key),
    text: (key: string) => get(key).text,
    time: (key: string) => {
      const value = get(key);
      const ms = /^\d{4}-\d\d-\d\dT/.test(value.text) ? Date.parse(value.text) : NaN;
      return Number.isNaN(ms) ? fail(value, key, 'a date and time like 2026-11-26T14:03:00.000Z') : ms;
    },
    boolean: (key: string) => {
      const value = get(key);
      return value.text === 'true' ? true : value.text === 'false' ? false : fail(value, key, 'true or false');
    },
    params: (key: string): ModelParams => {
      const value = get(key);
      let parsed: unknown;
      try {
        parsed = JSON.parse(value.raw);
      } catch {
        return fail(value, key, 'a JSON object on one line, like {"temperature": 0.7}');
      }
      const result = paramsSchema.safeParse(parsed);
      return result.success ? result.data : fail(value, key, 'a JSON object on one line, like {"temperature": 0.7}');
    },
  };
}

type Marker =
  | { kind: MetaKind; json: string; line: number }
  | { kind: 'region'; name: RegionName; tag: string; addedFence: boolean; line: number }
  | { kind: 'end'; line: number };

/** Walks the body from marker to marker; lines between markers are decoration for people. */
class BodyReader {
  constructor(
    private readonly lines: string[],
    private index: number,
  ) {}

  next(): Marker {
    while (this.index < this.lines.length) {
      const text = this.lines[this.index++] ?? '';
      if (!MARKER_PREFIX.test(text)) continue;
      const line = this.index;
      if (text === END_MARKER) return { kind: 'end', line };
      const meta = META_LINE.exec(text);
      if (meta) return { kind: meta[1] as MetaKind, json: meta[2] ?? '', line };
      const region = REGION_OPEN.exec(text);
      if (region) return { kind: 'region', name: region[1] as RegionName, tag: region[2] ?? '', addedFence: region[3] !== undefined, line };
      throw new MarkdownImportError(line, `"${text.slice(0, 60)}" is not a marker Parley writes.`);
    }
    throw new MarkdownImportError(null, `the file ends before its end marker ${END_MARKER}; ${CUT_SHORT}.`);
  }

  /** The text of the region just opened: everything up to its own closing line. */
  region(open: Extract<Marker, { kind: 'region' }>): string {
    const close = this.lines.indexOf(regionClose(open.name, open.tag), this.index);
    if (close < 0) throw new MarkdownImportError(open.line, `the ${open.name} that starts here never ends; ${CUT_SHORT}.`);
    const text = regionText(this.lines.slice(this.index, close), open.addedFence);
    if (text === null) throw new MarkdownImportError(close, 'a closing code fence was expected before this line.');
    this.index = close + 1;
    return text;
  }
}

const expected = (marker: Marker, what: string): MarkdownImportError =>
  new MarkdownImportError(marker.line, `expected ${what} here, found ${marker.kind === 'region' ? `the start of ${marker.name}` : marker.kind === 'end' ? 'the end of the conversation' : `a ${marker.kind}`}.`);

function readMeta(marker: Extract<Marker, { kind: MetaKind }>): z.infer<typeof messageMarkerSchema> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(marker.json);
  } catch {
    throw new MarkdownImportError(marker.line, "the message's details are not valid JSON.");
  }
  const result = messageMarkerSchema.safeParse(parsed);
  if (!result.success) throw new MarkdownImportError(marker.line, `the message's details are not valid: ${describeIssues(result.error)}.`);
  return result.data;
}

function readMessage(reader: BodyReader, marker: Extract<Marker, { kind: MetaKind }>): ExportVersion & { versionCount?: number } {
  const { versions, ...meta } = readMeta(marker);
  let next = reader.next();
  let reasoning = '';
  if (next.kind === 'region' && next.name === 'reasoning') {
    reasoning = reader.region(next);
    next = reader.next();
  }
  if (next.kind !== 'region' || next.name !== 'content') throw expected(next, "the message's text");
  return { ...meta, content: reader.region(next), reasoning, ...(versions === undefined ? {} : { versionCount: versions }) };
}

function readMessages(reader: BodyReader): ExportMessage[] {
  const messages: ExportMessage[] = [];
  for (let marker = reader.next(); marker.kind !== 'end'; marker = reader.next()) {
    if (marker.kind !== 'message') throw expected(marker, 'a message');
    const { versionCount, ...message } = readMessage(reader, marker);
    if (versionCount !== undefined) {
      const versions: ExportVersion[] = [];
      for (let n = 0; n < versionCount; n++) {
        const next = reader.next();
        if (next.kind !== 'version') throw expected(next, `earlier answer ${n + 1} of ${versionCount}`);
        const { versionCount: nested, ...version } = readMessage(reader, next);
        if (nested !== undefined) throw new MarkdownImportError(next.line, 'an earlier answer cannot have earlier answers of its own.');
        versions.push(version);
      }
      messages.push({ ...message, versions });
    } else {
      messages.push(message);
    }
  }
  return messages;
}

export function markdownToConversation(text: string): ExportConversation {
  const lines = toLines(text);
  const { fields, end } = frontMatter(lines);
  if (!fields.has('parley_format')) throw new MarkdownImportError(null, 'this is not a Parley export (its front matter has no parley_format).');
  const read = fieldReader(fields, end + 1);
  const format = Number(read.text('parley_format'));
  if (format !== FORMAT_VERSION) {
    throw new MarkdownImportError(fields.get('parley_format')?.line ?? null, format > FORMAT_VERSION ? `this file was written by a newer Parley (format ${format}); update Parley to import it.` : `unknown format "${read.text('parley_format')}".`);
  }
  const id = read.text('id');
  if (id === '') throw new MarkdownImportError(fields.get('id')?.line ?? null, 'the conversation has an empty id.');
  return {
    id,
    title: read.text('title'),
    model: read.has('model') ? read.text('model') : '',
    createdAt: read.time('created'),
    updatedAt: read.time('updated'),
    pinned: read.has('pinned') ? read.boolean('pinned') : false,
    systemPrompt: read.has('system_prompt') ? read.text('system_prompt') : '',
    endpoint: read.has('endpoint') ? read.text('endpoint') : '',
    params: read.has('parameters') ? read.params('parameters') : {},
    messages: readMessages(new BodyReader(lines, end + 1)),
  };
}
