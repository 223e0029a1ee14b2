/** The attachments table: files the page has processed, stored by main for the next message. */
import { z } from 'zod';
import { ATTACHMENT_FILE_PATTERN, ATTACHMENT_LIMITS } from '../attachmentLimits';
import { LIMITS } from '../limits';
import { call, returns } from './call';

/** A file sent with a message, stored in the data folder; main reads and checks the file itself. */
export const attachmentSchema = z
  .object({
    /** The stored file's name under `<data folder>/attachments`. */
    file: z.string().regex(ATTACHMENT_FILE_PATTERN, 'is not an attachment Parley stored'),
    /** The name the user's file had, shown and used for the text fence. */
    name: z.string().min(1).max(LIMITS.fileNameChars),
    kind: z.enum(['image', 'text']),
    mimeType: z.string().max(100),
    bytes: z.number().int().min(0),
  })
  .strict();
export type Attachment = z.infer<typeof attachmentSchema>;

/** Base64 of the largest file main stores (an image after processing), with room for padding. */
const MAX_ATTACHMENT_BASE64 = Math.ceil(Math.max(ATTACHMENT_LIMITS.imageBytes, ATTACHMENT_LIMITS.textBytes) / 3) * 4 + 4;
export const addAttachmentSchema = z
  .object({ name: z.string().min(1).max(LIMITS.fileNameChars), base64: z.string().max(MAX_ATTACHMENT_BASE64, 'the file is too large') })
  .strict();
export const attachmentFileSchema = z.object({ file: attachmentSchema.shape.file }).strict();

export const attachmentCalls = {
  /** Stores a processed file for the next message (checked by content and size); the message refers to it. */
  addAttachment: call({ channel: 'attachment:add', request: addAttachmentSchema, response: returns<Attachment>() }),
  /** A stored image as a data: URL, for thumbnails and the large view. */
  readAttachment: call({ channel: 'attachment:read', request: attachmentFileSchema, response: returns<{ dataUrl: string }>() }),
};
