/**
 * Why a file cannot be attached, in sentences a person understands. Shared by the page (which
 * refuses before uploading) and main (which checks again on the bytes it is given).
 */
import { ATTACHMENT_LIMITS, formatBytes } from './attachmentLimits';
import { detectFileType } from './fileType';

export const unsupportedType = (name: string): string =>
  `"${name}" cannot be attached: only PNG, JPEG, WebP and GIF images and text files (such as .txt, .md, .csv, .json or source code) can.`;

export const tooLargeInput = (name: string, bytes: number): string =>
  `"${name}" is ${formatBytes(bytes)}; a file can be at most ${formatBytes(ATTACHMENT_LIMITS.inputBytes)}.`;

export const tooManyFiles = (name: string): string =>
  `"${name}" was not added: one message can carry at most ${ATTACHMENT_LIMITS.files} files.`;

export const tooMuchInTotal = (name: string): string =>
  `"${name}" was not added: the files on one message can add up to ${formatBytes(ATTACHMENT_LIMITS.messageBytes)} at most.`;

export const tooLargeText = (name: string, bytes: number): string =>
  `"${name}" is ${formatBytes(bytes)}; a text file can be at most ${formatBytes(ATTACHMENT_LIMITS.textBytes)}.`;

/** Why these stored bytes cannot be attached (wrong type, too large), or null when they can. */
export function attachmentProblem(name: string, bytes: Uint8Array): string | null {
  const type = detectFileType(bytes);
  if (!type) return unsupportedType(name);
  if (type.kind === 'text') return bytes.length > ATTACHMENT_LIMITS.textBytes ? tooLargeText(name, bytes.length) : null;
  if (bytes.length > ATTACHMENT_LIMITS.imageBytes) {
    return `"${name}" is ${formatBytes(bytes.length)}; an image, once made smaller, can be at most ${formatBytes(ATTACHMENT_LIMITS.imageBytes)}.`;
  }
  return null;
}
