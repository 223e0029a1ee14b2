/**
 * What a file is, from its bytes, never from its name: a PNG called notes.txt is a PNG, and a
 * binary called main.py is refused. Shared by the page (to decide what to do with a file) and
 * main (which checks again before storing it).
 */
import type { ImageType } from './attachmentLimits';

export type DetectedType = { kind: 'image'; mimeType: ImageType } | { kind: 'text'; mimeType: 'text/plain' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The image type by magic number; null when the bytes start like none of them. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Text is valid UTF-8 (a BOM is fine) without NUL bytes, which no text file has and every binary does. */
export function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Enough bytes to tell an image's type. */
export const SNIFF_BYTES = 16;

export function detectFileType(bytes: Uint8Array): DetectedType | null {
  const image = imageTypeOf(bytes);
  if (image) return { kind: 'image', mimeType: image };
  return isText(bytes) ? { kind: 'text', mimeType: 'text/plain' } : null;
}

/** The stored file's extension for a detected type. */
export function extensionOf(type: DetectedType): string {
  switch (type.mimeType) {
    case 'image/png':
      return 'png';
    case 'image/jpeg':
      return 'jpg';
    case 'image/webp':
      return 'webp';
    case 'image/gif':
      return 'gif';
    case 'text/plain':
      return 'txt';
  }
}
