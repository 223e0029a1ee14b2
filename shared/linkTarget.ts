/**
 * Which links may leave the app, and in what form: the same rule for the page (what a link in an
 * answer points at) and for main (what it hands to the system). Environment-free on purpose.
 */

/** Only these schemes may go to the system browser or mail client. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The mailto header fields a link may fill in (RFC 6068). Anything else is dropped: some mail
 * clients read `attach`/`attachment` (any case) as a local file to attach, and unknown fields
 * are a place to smuggle more.
 */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

function fieldName(pair: string): string | null {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name).trim().toLowerCase();
  } catch {
    return null;
  }
}

/**
 * `mailto:` with only the allowed fields, kept as written (no re-encoding: `+` stays `+`).
 * A `;` inside a kept field is escaped, so a client that splits on it finds no second field.
 */
function cleanMailto(url: URL): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && MAILTO_FIELDS.has(fieldName(pair) ?? ''))
    .map((pair) => pair.replaceAll(';', '%3B'));
  return `mailto:${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/**
 * The URL to open outside the app, or null when it must not be opened: anything but http, https
 * and mailto (javascript:, file:, custom handlers…), unparsable text, or a URL with credentials
 * (a phishing trick, never something a person meant to open). Parsed the way the browser does,
 * which also undoes tricks like `JaVaScRiPt:` or `java\tscript:`; mailto loses every field but
 * to, cc, bcc, subject and body.
 */
export function safeLinkTarget(candidate: string): string | null {
  const trimmed = candidate.trim();
  if (!URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return cleanMailto(url);
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}
