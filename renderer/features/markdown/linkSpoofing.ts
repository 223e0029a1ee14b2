/**
 * Link spoofing: `[https://good.example/login](https://evil.invalid/phish "https://good.example")`
 * shows one address and opens another. A link's text or title that names a host (as a URL, a bare
 * domain or an e-mail address) other than where the link goes is a claim the page made up.
 */

// `scheme://…`, `name.tld…` or `user@name.tld`.
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const HOST_LIKE = /^((?:[\p{L}\p{N}-]+\.)+(\p{L}{2,}))\.?(?::\d+)?(?:[/?#]\S*)?$/iu;
const EMAIL_LIKE = /^(?:mailto:)?[^\s@]+@((?:[\p{L}\p{N}-]+\.)+(\p{L}{2,}))$/iu;
/**
 * Top-level domains that make bare text read as a host. A list rather than any letters, so that
 * Node.js, README.md or package.json stay names: a spoof names a site people know, on a TLD they know.
 */
const KNOWN_TLDS = new Set(
  'com net org edu gov mil int info biz io ai dev app co me tv cc us uk ca au de fr es it nl be ch at se no dk fi pl cz ru ua cn jp kr in br mx ar eu xyz site online tech cloud shop blog page link example invalid test'.split(' '),
);

const withoutWww = (host: string): string => host.replace(/^www\./, '').replace(/\.$/, '');

function hostOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return withoutWww(parsed.protocol === 'mailto:' ? (parsed.pathname.split('@').at(-1) ?? '').toLowerCase() : parsed.hostname);
}

/** The host a piece of text names (normalised the way the browser would: IDN as punycode), or null. */
export function claimedHost(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  if (URL_LIKE.test(trimmed)) return hostOf(trimmed);
  const email = EMAIL_LIKE.exec(trimmed);
  if (email) return KNOWN_TLDS.has(email[2]?.toLowerCase() ?? '') ? hostOf(`mailto:x@${email[1]}`) : null;
  const host = HOST_LIKE.exec(trimmed);
  return host && (KNOWN_TLDS.has(host[2]?.toLowerCase() ?? '') || /^www\./i.test(trimmed)) ? hostOf(`https://${trimmed}`) : null;
}

/** Where a link really goes, as a person reads it: the host, or the address of a mailto. */
export function realDestination(url: string): string {
  const parsed = new URL(url);
  return parsed.protocol === 'mailto:' ? decodeURIComponent(parsed.pathname) : parsed.host;
}

/** Whether text naming `claimed` may link to `target`: the same host, or a subdomain of it. */
const sameSite = (claimed: string, target: string): boolean => target === claimed || target.endsWith(`.${claimed}`);

/**
 * The host the link's text or title claims when it is not where `url` goes, else null. `url` is
 * an already checked http, https or mailto URL.
 */
export function spoofedHost(url: string, text: string, title: string | undefined): string | null {
  const target = hostOf(url);
  for (const claim of [text, title ?? '']) {
    const claimed = claimedHost(claim);
    if (claimed !== null && (target === null || !sameSite(claimed, target))) return claimed;
  }
  return null;
}
