/**
 * The page's Content Security Policy, sent as a header by the app:// protocol (Electron)
 * and by web mode. No inline or eval'd script, no remote images, no plugins, no framing.
 * `connect-src 'self'` covers web mode's bridge socket; the app itself fetches nothing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
