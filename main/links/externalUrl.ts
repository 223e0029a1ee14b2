/** Only these schemes may leave the app for the system browser or mail client. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to hand to the OS, or null when it must not be opened: anything but
 * http, https and mailto (javascript:, file:, custom handlers…), or unparsable text.
 */
export function safeExternalUrl(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate.trim());
  } catch {
    return null;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  // Credentials in a link are a phishing trick, never something a user meant to open.
  if (url.username || url.password) return null;
  return url.href;
}
