/**
 * Attachments of exported conversations, and images their tools returned (stored the same way).
 * Next to a Markdown file (a save in the app, a folder export) they are copied into `attachments/` under their content-addressed names, so several
 * exports into one folder share one copy and links stay short and relative. Where the export
 * is one file only (a download in web mode, "Copy as Markdown"), they go inside it as data: URLs.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingAttachment, type AttachmentFiles } from '../attachments/attachmentFiles';
import { ATTACHMENT_LINK_FOLDER } from './markdownExport';
import { everyNode } from './exportTree';
import type { ExportAttachment, ExportConversation } from './types';

/** Every message's files and its tools' images, on every branch. */
const storedFiles = (c: ExportConversation): ExportAttachment[] =>
  everyNode(c.messages)
    .flatMap((m) => [...(m.attachments ?? []), ...(m.toolCalls ?? []).flatMap((call) => call.resultImages)])
    .filter((attachment) => attachment.file !== undefined);

export const hasAttachments = (c: ExportConversation): boolean => storedFiles(c).length > 0;

/** Copies the conversation's attachments into `attachments/` in `folder`, where its Markdown file links to them. */
export async function copyAttachments(c: ExportConversation, folder: string, files: Pick<AttachmentFiles, 'copyTo'>): Promise<void> {
  const names = new Set(storedFiles(c).map((attachment) => attachment.file ?? ''));
  if (names.size === 0) return;
  const target = join(folder, ATTACHMENT_LINK_FOLDER);
  await mkdir(target, { recursive: true });
  // A file restored without its bytes (a backup keeps none) is left out; its link then leads nowhere, as in the app.
  for (const name of names) await files.copyTo(name, target).catch(skipMissing);
}

const skipMissing = (error: unknown): void => {
  if (!(error instanceof MissingAttachment)) throw error;
};

/** Links that carry the bytes themselves, for an export that is one file. */
export async function inlineLinks(c: ExportConversation, files: Pick<AttachmentFiles, 'dataUrl'>): Promise<(attachment: ExportAttachment) => string> {
  const urls = new Map<string, string>();
  for (const { file, mimeType } of storedFiles(c)) {
    if (file === undefined || urls.has(file)) continue;
    const url = await files.dataUrl({ file, mimeType }).catch((error: unknown) => (skipMissing(error), ''));
    urls.set(file, url);
  }
  return (attachment) => urls.get(attachment.file ?? '') ?? '';
}
