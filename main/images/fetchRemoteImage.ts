/**
 * "Load image": main fetches a remote image the user asked for and hands the page a data: URL.
 * The page's CSP keeps `img-src` free of remote hosts, so nothing in model output can make
 * the window contact a server by itself; this is the one, user-triggered, way round.
 */
import { AppFailure } from '../appFailure';
import { safeExternalUrl } from '../links/externalUrl';

/** Larger images are refused: a chat answer has no business pulling in more. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/** Raster formats, recognised by their first bytes rather than by what the server claims. */
const SIGNATURES: { type: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  {
    type: 'image/webp',
    matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  },
  { type: 'image/avif', matches: (b) => String.fromCharCode(...b.subarray(4, 12)).startsWith('ftypavi') },
];

const refuse = (message: string): AppFailure => new AppFailure({ code: 'invalid-request', message });

async function readLimited(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_IMAGE_BYTES) throw refuse('That image is larger than 10 MB, so Parley did not load it.');
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMAGE_BYTES) {
      await reader.cancel();
      throw refuse('That image is larger than 10 MB, so Parley did not load it.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function fetchRemoteImage(url: string, fetchImpl: typeof fetch = fetch): Promise<{ dataUrl: string }> {
  const safe = safeExternalUrl(url);
  if (!safe || safe.startsWith('mailto:')) throw refuse('Only http and https images can be loaded.');
  let response: Response;
  try {
    // No cookies or referrer leave with it: Node's fetch keeps no cookie jar.
    response = await fetchImpl(safe, { redirect: 'follow', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw refuse(`Parley could not reach ${new URL(safe).host} to load the image.`);
  }
  if (!response.ok) throw refuse(`The image server answered ${response.status}, so the image could not be loaded.`);
  if (safeExternalUrl(response.url || safe) === null) throw refuse('The image redirected somewhere Parley does not follow.');
  const bytes = await readLimited(response);
  const type = SIGNATURES.find((signature) => signature.matches(bytes))?.type;
  if (!type) throw refuse('That address did not return a PNG, JPEG, GIF, WebP or AVIF image.');
  return { dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
}
