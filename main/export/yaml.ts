/**
 * The small part of YAML the front matter needs, written so that every YAML reader (GitHub,
 * Obsidian, js-yaml) gets the same strings back: strings are always quoted, and only text that
 * a literal block keeps exactly is written as one.
 */
import type { JsonValue } from './types';

/** Characters YAML will not take raw inside quotes (or reads as line breaks): DEL, C1, NEL, LS, PS, BOM, non-characters. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

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
    !/(?!\n)[\p{Cc}\p{Cs}\u2028\u2029\ufeff\ufffe\uffff]/u.test(text) &&
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

export interface YamlValue {
  /** The decoded string for quoted and block values, the raw text for plain ones. */
  text: string;
  quoted: boolean;
  /** The value as written after `key: ` (for flow JSON, which is read as JSON). */
  raw: string;
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

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Reads one double-quoted scalar that starts and ends on the line (the only kind written). */
function readDoubleQuoted(raw: string, line: number): string {
  let out = '';
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '"') {
      if (!/^\s*(?:#.*)?$/.test(raw.slice(i + 1))) throw new YamlError(line, 'unexpected text after a quoted value');
      return out;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw.charAt(++i);
    const digits = HEX_DIGITS[e];
    if (digits !== undefined) {
      const hex = raw.slice(i + 1, i + 1 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new YamlError(line, `bad escape \\${e}${hex}`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += digits;
    } else if (ESCAPES[e] !== undefined) out += ESCAPES[e];
    else throw new YamlError(line, `unknown escape \\${e}`);
  }
  throw new YamlError(line, 'a quoted value does not end on its line');
}

function readScalar(raw: string, line: number): YamlValue {
  if (raw.startsWith('"')) return { text: readDoubleQuoted(raw, line), quoted: true, raw, line };
  if (raw.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(raw);
    if (!match) throw new YamlError(line, 'a quoted value does not end on its line');
    return { text: (match[1] ?? '').replace(/''/g, "'"), quoted: true, raw, line };
  }
  return { text: raw.replace(/\s+#.*$/, '').trim(), quoted: false, raw, line };
}

/** A literal block's lines (already without the key line) to its text, per its header (`|`, `|-`, `|+`, `|2-`…). */
function readLiteral(header: string, lines: string[], line: number): string {
  const match = /^\|([1-9])?([-+])?\s*(?:#.*)?$/.exec(header);
  if (!match) throw new YamlError(line, `unsupported block value "${header}" (use quotes or |)`);
  const firstText = lines.find((l) => l.trim() !== '');
  const indent = match[1] ? Number(match[1]) : (/^ */.exec(firstText ?? '')?.[0].length ?? 0);
  const content = lines.map((l) => l.slice(indent)).join('\n');
  const body = content.replace(/\n+$/, '');
  const trailing = content.slice(body.length);
  if (match[2] === '-') return body;
  if (match[2] === '+') return `${body}\n${trailing}`;
  return body === '' ? '' : `${body}\n`;
}

/**
 * Reads a flat mapping of `key: value` lines (the front matter). Values are quoted or plain
 * scalars on one line, flow JSON on one line, or literal blocks.
 */
export function readYamlMapping(lines: string[], firstLine: number): Map<string, YamlValue> {
  const entries = new Map<string, YamlValue>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const line = firstLine + i;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/.exec(text);
    if (!match) throw new YamlError(line, `cannot read "${text.slice(0, 40)}" in the front matter`);
    const key = match[1] ?? '';
    const raw = (match[2] ?? '').trim();
    if (raw.startsWith('|')) {
      let end = i + 1;
      while (end < lines.length && (/^\s/.test(lines[end] ?? '') || lines[end] === '')) end++;
      entries.set(key, { text: readLiteral(raw, lines.slice(i + 1, end), line), quoted: true, raw, line });
      i = end - 1;
    } else {
      entries.set(key, readScalar(raw, line));
    }
  }
  return entries;
}
