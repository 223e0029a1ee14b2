/**
 * Attachment limits and kinds, apart from the contract so the page can use them without zod.
 * Main applies the same numbers again: it never trusts the page's checks.
 */
const MB = 1024 * 1024;

export const ATTACHMENT_LIMITS = {
  /** Files on one message. */
  files: 10,
  /** A picked, pasted or dropped file larger than this is refused before it is read. */
  inputBytes: 20 * MB,
  /** An image after downscaling and re-encoding. */
  imageBytes: 4 * MB,
  /** A text or code file, sent as it is. */
  textBytes: 1 * MB,
  /** Everything on one message, after processing. */
  messageBytes: 25 * MB,
  /** Longest edge of an image sent to a model, in pixels. */
  maxEdge: 2048,
} as const;

/** The image types models take (OpenAI's list); an animated GIF sends its first frame. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export type AttachmentKind = 'image' | 'text';

/** Stored files are named by the SHA-256 of their bytes, so the same image is kept once. */
export const ATTACHMENT_FILE_PATTERN = /^[0-9a-f]{64}\.(png|jpg|webp|gif|txt)$/;

/** A size for people: "3.2 MB", "640 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An attachment as an export keeps it next to its Markdown file: `attachments/<stored name>`, at any depth of the picked folder. */
export const EXPORTED_ATTACHMENT_PATH = /(?:^|\/)attachments\/[0-9a-f]{64}\.(?:png|jpg|webp|gif|txt)$/;
