/**
 * The "Add MCP server" form as text the person types, and its checks: arguments one per line,
 * environment `NAME=value` lines, headers `Name: value` lines. Stored secret values never come
 * back to the page, so an edited server shows each stored entry as its name alone, which keeps
 * the stored value; a line with a value replaces it.
 */
import type { SecretHint, ToolServerFields, ToolServerView } from '../../../shared/ipc';

export interface ServerDraft {
  name: string;
  transport: 'stdio' | 'http';
  command: string;
  /** One argument per line. */
  args: string;
  /** `NAME=value` per line. */
  env: string;
  url: string;
  /** `Name: value` per line. */
  headers: string;
}

export type DraftField = keyof ServerDraft;
export type DraftCheck = { ok: true; fields: ToolServerFields } | { ok: false; field: DraftField; message: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const EMPTY_DRAFT: ServerDraft = { name: '', transport: 'stdio', command: '', args: '', env: '', url: '', headers: '' };

/** The form for an existing server: every field as it is, stored secrets as their names alone. */
export function draftOf(server: ToolServerView): ServerDraft {
  const names = (entries: SecretHint[]) => entries.map((entry) => entry.name).join('\n');
  return server.transport === 'stdio'
    ? { ...EMPTY_DRAFT, name: server.name, transport: 'stdio', command: server.command, args: server.args.join('\n'), env: names(server.env) }
    : { ...EMPTY_DRAFT, name: server.name, transport: 'http', url: server.url, headers: names(server.headers) };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '');

interface SecretLines {
  field: 'env' | 'headers';
  label: string;
  separator: '=' | ':';
  validName: RegExp;
  example: string;
}

const ENV_LINES: SecretLines = { field: 'env', label: 'Environment', separator: '=', validName: ENV_NAME, example: 'NAME=value' };
const HEADER_LINES: SecretLines = { field: 'headers', label: 'Headers', separator: ':', validName: HEADER_NAME, example: 'Name: value' };

type SecretEntries = { name: string; value?: string }[];

/** Parses secret lines; a name alone keeps the stored value of that name (`stored`), else it is an error. */
function secretEntries(text: string, spec: SecretLines, stored: ReadonlySet<string>): { entries: SecretEntries } | { message: string } {
  const entries: SecretEntries = [];
  const seen = new Set<string>();
  for (const { line, number } of lines(text)) {
    const at = line.indexOf(spec.separator);
    const name = (at === -1 ? line : line.slice(0, at)).trim();
    const where = `${spec.label}, line ${number}`;
    if (!spec.validName.test(name)) {
      return { message: `${where}: “${name}” is not a valid name. Write ${spec.example}.` };
    }
    if (seen.has(name.toLowerCase())) return { message: `${where}: “${name}” is given twice.` };
    seen.add(name.toLowerCase());
    if (at !== -1) {
      entries.push({ name, value: line.slice(at + 1).trim() });
    } else if (stored.has(name)) {
      entries.push({ name });
    } else {
      return { message: `${where}: “${name}” has no value. Write ${spec.example}.` };
    }
  }
  return { entries };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks the draft; `editing` is the server being edited, whose stored secrets a name alone keeps. */
export function checkDraft(draft: ServerDraft, editing: ToolServerView | null = null): DraftCheck {
  const name = draft.name.trim();
  if (name === '') return { ok: false, field: 'name', message: 'Enter a name for the server.' };
  const storedNames = (entries: SecretHint[] | undefined) => new Set((entries ?? []).map((entry) => entry.name));
  if (draft.transport === 'stdio') {
    const command = draft.command.trim();
    if (command === '') return { ok: false, field: 'command', message: 'Enter the command that starts the server, e.g. npx.' };
    const env = secretEntries(draft.env, ENV_LINES, storedNames(editing?.transport === 'stdio' ? editing.env : undefined));
    if ('message' in env) return { ok: false, field: 'env', message: env.message };
    const args = lines(draft.args).map(({ line }) => line);
    return { ok: true, fields: { name, transport: 'stdio', command, args, env: env.entries } };
  }
  const url = draft.url.trim();
  if (!isHttpUrl(url)) return { ok: false, field: 'url', message: 'Enter the server’s address, starting with http:// or https://.' };
  const headers = secretEntries(draft.headers, HEADER_LINES, storedNames(editing?.transport === 'http' ? editing.headers : undefined));
  if ('message' in headers) return { ok: false, field: 'headers', message: headers.message };
  return { ok: true, fields: { name, transport: 'http', url, headers: headers.entries } };
}
