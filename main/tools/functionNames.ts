/**
 * The names tools are offered to the model under. OpenAI function names must match
 * `^[a-zA-Z0-9_-]{1,64}$`, and two servers may both have a tool called `search`, so each tool
 * gets `<server>__<tool>`, reduced to those characters and made unique; the model's call is
 * mapped back through the same table, never by parsing the name.
 */
const MAX_NAME = 64;

const slug = (text: string): string => text.replace(/[^a-zA-Z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'tool';

/** Each tool under its function name. */
export function functionNames<T extends { serverName: string; tool: string }>(tools: readonly T[]): Map<string, T> {
  const table = new Map<string, T>();
  for (const entry of tools) {
    const base = `${slug(entry.serverName).slice(0, 20)}__${slug(entry.tool)}`.slice(0, MAX_NAME);
    let name = base;
    for (let n = 2; table.has(name); n++) name = `${base.slice(0, MAX_NAME - String(n).length - 1)}_${n}`;
    table.set(name, entry);
  }
  return table;
}
