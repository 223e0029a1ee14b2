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

type Event = TokenizeContext['events'][number];
/** The fields micromark's label and autolink constructs keep on a token. */
interface LabelToken {
  type: string;
  _balanced?: boolean;
  _gfmAutolinkLiteralWalkedInto?: boolean;
}

/**
 * Whether an unclosed `[` or `![` comes before the end of `events` (no literal autolink inside a
 * label that may still become a link), as the extension's own walk decides it, but remembering the
 * `[` found: the extension marks where a walk found none, not where it found one, so every later link
 * start walked back to the same `[` again (8,000 email addresses after one: 1 s at 100,000 characters).
 */
export function unclosedLabelCheck(): (events: readonly Event[]) => boolean {
  let found: { events: readonly Event[]; index: number; token: LabelToken } | null = null;
  return (events) => {
    // Still there and still unclosed: a `[` closes only by being marked balanced, and a walk that passed it would have stopped at it.
    if (found?.events === events && events[found.index]?.[1] === found.token && !found.token._balanced) return true;
    for (let index = events.length - 1; index >= 0; index--) {
      const token: LabelToken = (events[index] as Event)[1];
      if ((token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced) {
        found = { events, index, token };
        return true;
      }
      if (token._gfmAutolinkLiteralWalkedInto) return false;
    }
    return false;
  };
}

/** `construct`, tried only where `text` can start its link and no unclosed label is open; null when `text` can hold no literal autolink at all. */
function guarded(construct: Construct, text: string, mayLink: boolean, inUnclosedLabel: (events: readonly Event[]) => boolean): Construct | null {
  const start = construct.name ? STARTS[construct.name] : undefined;
  if (!start) return construct;
  if (!mayLink) return null;
  return {
    ...construct,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      start.lastIndex = this.now().offset;
      // The character before rules most places out, and costs no look-ahead.
      const possible = (!construct.previous || construct.previous.call(this, this.previous)) && start.test(text) && !inUnclosedLabel(this.events);
      return possible ? construct.tokenize.call(this, effects, ok, nok) : nok;
    },
  };
}

/**
 * `extension` (GFM) with its literal autolinks tried only where `text`, the Markdown parsed, can start
 * one, and not at all when it has no `www.`, `://` or `@`. One per parse (it remembers the parse's labels).
 */
export function guardAutolinks(extension: Extension, text: string): Extension {
  const mayLink = MAY_LINK.test(text);
  const inUnclosedLabel = unclosedLabelCheck();
  const constructs = Object.entries(extension.text ?? {}).map(([code, list]) => [
    code,
    Array.isArray(list)
      ? list.flatMap((one) => guarded(one, text, mayLink, inUnclosedLabel) ?? [])
      : list && (guarded(list, text, mayLink, inUnclosedLabel) ?? undefined),
  ]);
  return { ...extension, text: Object.fromEntries(constructs) };
}
