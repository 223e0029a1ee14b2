/**
 * Front matter. Written as a small, fixed subset of YAML so that every YAML reader (GitHub,
 * Obsidian, js-yaml) gets the same strings back: strings are always quoted, and only text that a
 * literal block keeps exactly is written as one. Read with a full YAML parser (`yaml`), so front
 * matter an editor rewrote (Obsidian's Properties panel writes block lists, folded and plain
 * scalars, dates without a time) still reads.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { JsonValue } from './types';

/**
 * Characters YAML will not take raw inside quotes (or reads as line breaks): DEL, C1, NEL, LS, PS,
 * BOM, non-characters; and bidi controls, which would reorder the line in an editor.
 */
const YAML_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A double-quoted scalar. JSON's escapes are all YAML escapes too; YAML needs a few more. */
export function yamlQuoted(text: string): string {
  return JSON.stringify(text).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A literal block (`|-`, `|`) keeps multi-line text readable. It is used only where it is
 * exact in every reader: no characters that need escapes (tabs included), no blank-looking
 * lines of spaces, no leading space or empty first line, at most one trailing newline.
 */
function fitsLiteralBlock(text: string): boolean {
  return (
    text.includes('\n') &&
    !/(?!\n)[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff]/u.test(text) &&
    !/^[ \n]/.test(text) &&
    !/\n\n$/.test(text) &&
    !/(?:^|\n) +(?:\n|$)/.test(text)
  );
}

/** The text after `key:` for a string value: ` "…"` or ` |-` plus indented lines. */
export function yamlText(text: string): string {
  if (!fitsLiteralBlock(text)) return ` ${yamlQuoted(text)}`;
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const indented = lines.map((line) => (line === '' ? '' : `  ${line}`)).join('\n');
  return ` ${text.endsWith('\n') ? '|' : '|-'}\n${indented}`;
}

/** A JSON value as one line of flow YAML (also valid JSON): `{"temperature": 0.7}`. */
export function yamlFlow(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${yamlQuoted(key)}: ${yamlFlow(item)}`)
      .join(', ')}}`;
  }
  return typeof value === 'string' ? yamlQuoted(value) : JSON.stringify(value);
}

/** A front matter field as read: its value (every scalar a string, as YAML's failsafe schema reads it) and its line. */
export interface YamlField {
  value: unknown;
  /** 1-based line in the file. */
  line: number;
}

export class YamlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first line of the parser's message, without its "at line …" (the error names the file's line itself). */
const shortMessage = (message: string): string => (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

/** The document as plain values; aliases are refused (front matter has no use for them, and they can explode). */
function plain(doc: Document, firstLine: number): Record<string, unknown> | null {
  try {
    return doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown> | null;
  } catch {
    throw new YamlError(firstLine, 'the front matter uses YAML aliases, which Parley does not read');
  }
}

/**
 * Reads front matter (without its `---` lines) into its top-level fields. Scalars come back as
 * strings, whatever they look like, so `title: 2024` or `id: 1e5` stay what was written;
 * `typed` reads one field with YAML's usual types (for `parameters`).
 */
export function readFrontMatter(source: string, firstLine: number): { fields: Map<string, YamlField>; typed(key: string): unknown } {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => firstLine + lineCounter.linePos(offset).line - 1;
  const doc = parseDocument(source, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: true });
  const [problem] = doc.errors;
  if (problem) throw new YamlError(lineOf(problem.pos[0]), `the front matter is not valid YAML: ${shortMessage(problem.message)}`);
  const fields = new Map<string, YamlField>();
  if (doc.contents !== null && !isMap(doc.contents)) throw new YamlError(firstLine, 'the front matter should be "key: value" lines');
  const values = plain(doc, firstLine) ?? {};
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    fields.set(key, { value: values[key], line: lineOf(pair.key.range?.[0] ?? 0) });
  }
  let typedValues: Record<string, unknown> | null | undefined;
  return { fields, typed: (key) => (typedValues ??= plain(parseDocument(source, { schema: 'core' }), firstLine))?.[key] };
}
