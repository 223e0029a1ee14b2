/**
 * Only the app's own page, in its top frame, may talk to main. An iframe, a page that
 * somehow navigated elsewhere, or a frame already gone is refused before anything runs.
 */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * `scheme://host[:port]` of a URL, or null. Node's URL gives custom schemes such as
 * `app://` the opaque origin "null", so the origin is built from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.includes(origin);
}
