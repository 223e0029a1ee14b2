/**
 * A text file as the model reads it: its name, then its text in a code fence tagged with the
 * language its extension names, so the model knows what it is looking at.
 */
const LANGUAGES: Record<string, string> = {
  ts: 'typescript', tsx: 'tsx', js: 'javascript', jsx: 'jsx', mjs: 'javascript', cjs: 'javascript',
  py: 'python', rb: 'ruby', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', swift: 'swift',
  c: 'c', h: 'c', cpp: 'cpp', cc: 'cpp', hpp: 'cpp', cs: 'csharp', php: 'php', sh: 'bash', bash: 'bash',
  zsh: 'bash', ps1: 'powershell', sql: 'sql', html: 'html', css: 'css', scss: 'scss', json: 'json',
  yaml: 'yaml', yml: 'yaml', toml: 'toml', xml: 'xml', md: 'markdown', csv: 'csv', tsv: 'tsv',
  r: 'r', lua: 'lua', dart: 'dart', scala: 'scala', ex: 'elixir', hs: 'haskell', vue: 'vue', svelte: 'svelte',
};

/** The fence's language tag for a file name; '' when the extension names none. */
export function languageOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : (LANGUAGES[name.slice(dot + 1).toLowerCase()] ?? '');
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
export function fencedText(name: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const body = text.replace(/^\ufeff/, '');
  return `${name}:\n${fence}${languageOf(name)}\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}`;
}
