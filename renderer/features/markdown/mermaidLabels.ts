/**
 * Keeps markup in diagram labels as text. Mermaid passes every label through DOMPurify, which
 * parses it into a document of the page: a label such as `<img src=x onerror=…>` would meet an
 * HTML parser there, and only the CSP would stand between its handler and the page. Written
 * with Mermaid's own entities (`#lt;`, `#gt;`), the brackets stay characters: the label shows
 * exactly what the model wrote, and no parser ever sees a tag. Mermaid's `<br>` line break and
 * its `<<annotation>>` syntax are left alone.
 */

/** A tag on one line; its `>` is never an arrow's head (`-->`, `==>`, `-.->`). */
const TAG = /(?<!<)<(?!br\s*\/?>)(\/?[a-z](?:[^<>\n]*[^<>\n=.-])?)>/gi;
/** What is left that a parser would still take for the start of a tag (`a<b`). */
const TAG_START = /(?<!<)<(?=\/?[a-z])(?!br\s*\/?>)/gi;

export const withLabelMarkupAsText = (source: string): string => source.replace(TAG, '#lt;$1#gt;').replace(TAG_START, '#lt;');
