/**
 * Stored files in a Markdown export (attachments, images a tool returned): in the details line
 * by name, type, size and link, never the stored file's name; in the text as a link a person
 * follows, an image shown in place.
 */
import { inlineText } from './markdownInline';
import type { ExportAttachment } from './types';

/** Where a file's bytes are, seen from the Markdown file. */
export type FileHref = (file: ExportAttachment) => string;

export const linkedFile = (file: ExportAttachment, href: FileHref): ExportAttachment => ({ name: file.name, kind: file.kind, mimeType: file.mimeType, bytes: file.bytes, href: href(file) });

export const fileLink = ({ name, kind, href = '' }: ExportAttachment): string => (kind === 'image' ? `![${inlineText(name)}](${href})` : `[${inlineText(name)}](${href})`);
