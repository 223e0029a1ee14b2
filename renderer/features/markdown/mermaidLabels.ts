/**
 * Keeps markup in diagram labels as text. Mermaid passes every label through DOMPurify, which
 * parses it into a document of the page: a label such as `<img src=x onerror=…>` would meet an
 * HTML parser there, and only the CSP would stand between its handler and the page. Written as
 * Mermaid's own entity (`#lt;`), the `<` stays a character: the label shows exactly what the
 * model wrote, and no parser ever sees a tag. Mermaid's `<br>` line break and its `<<annotation>>`
 * syntax are left alone.
 */
const TAG_START = /(?<!<)<(?=\/?[a-z][^<>]*>)(?!br\s*\/?>)/gi;

export const withLabelMarkupAsText = (source: string): string => source.replace(TAG_START, '#lt;');
