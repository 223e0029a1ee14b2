/** How long a title may be in the sidebar before it is cut. */
const TITLE_CHARS = 60;

/**
 * The fallback title of a conversation: the first line of its first message, cut to fit a
 * list. Main and renderer both use it, so the sidebar shows the same title before and after
 * the turn is saved.
 */
export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]?.trim() ?? '';
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}
