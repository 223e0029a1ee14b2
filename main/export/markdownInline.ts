/**
 * Text for a heading or note: one line, Markdown and HTML punctuation escaped, bidi controls
 * left out (a U+202E in a title would reverse the heading and what follows it on the line).
 */
export function inlineText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\`*_[\]<>#|~!&$]/g, '\\$&');
}
