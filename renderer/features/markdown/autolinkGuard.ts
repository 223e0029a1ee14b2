import type { gfm } from 'micromark-extension-gfm';

type Extension = ReturnType<typeof gfm>;
type Construct = Exclude<NonNullable<NonNullable<Extension['text']>[string]>, readonly unknown[]>;
type TokenizeContext = ThisParameterType<Construct['tokenize']>;

/**
 * What must follow where a GFM literal autolink starts: an email's local part and `@`, `www.`, or
 * `http://`/`https://` (the spec's own first steps). micromark's autolink literal extension, before
 * it looks at the text, walks back over every event of the paragraph to an unclosed `[` when there
 * is one; at every word start that makes it quadratic (100,000 characters with a `![` early on
 * took 8 s). Checking what follows first makes those walks happen only where a link can start.
 */
const STARTS: Record<string, RegExp> = {
  emailAutolink: /[\w.+-]+@/y,
  wwwAutolink: /www\./iy,
  protocolAutolink: /https?:\/\//iy,
};

// Every literal autolink holds one of these: a text without any has none to look for.
const MAY_LINK = /www\.|:\/\/|@/i;

/** `construct`, tried only where `text` can start its link; null when `text` can hold no literal autolink at all. */
function guarded(construct: Construct, text: string, mayLink: boolean): Construct | null {
  const start = construct.name ? STARTS[construct.name] : undefined;
  if (!start) return construct;
  if (!mayLink) return null;
  return {
    ...construct,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      start.lastIndex = this.now().offset;
      // The character before rules most places out, and costs no look-ahead.
      const possible = (!construct.previous || construct.previous.call(this, this.previous)) && start.test(text);
      return possible ? construct.tokenize.call(this, effects, ok, nok) : nok;
    },
  };
}

/**
 * `extension` (GFM) with its literal autolinks tried only where `text`, the Markdown parsed, can start
 * one, and not at all when it has no `www.`, `://` or `@`.
 */
export function guardAutolinks(extension: Extension, text: string): Extension {
  const mayLink = MAY_LINK.test(text);
  const constructs = Object.entries(extension.text ?? {}).map(([code, list]) => [
    code,
    Array.isArray(list) ? list.flatMap((one) => guarded(one, text, mayLink) ?? []) : list && (guarded(list, text, mayLink) ?? undefined),
  ]);
  return { ...extension, text: Object.fromEntries(constructs) };
}
