const REMOTE_IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
// Raster images only: inert, and they can reach no server. SVG is left out: it is a document, not a picture.
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** The URL after the browser's own parsing, which also undoes tricks like `JaVaScRiPt:` or `java\tscript:`. */
function parse(url: string): URL | null {
  return URL.canParse(url) ? new URL(url) : null;
}

/** What an image source may become: a remote picture loaded only on request, an inline picture, or nothing. */
export type ImageSource = { kind: 'remote'; url: string } | { kind: 'inline'; url: string } | { kind: 'none' };

export function classifyImageUrl(url: string): ImageSource {
  if (INLINE_IMAGE.test(url)) return { kind: 'inline', url };
  const parsed = parse(url);
  return parsed && REMOTE_IMAGE_PROTOCOLS.has(parsed.protocol) ? { kind: 'remote', url: parsed.href } : { kind: 'none' };
}
