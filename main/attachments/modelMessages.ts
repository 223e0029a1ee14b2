/**
 * The request's messages as the OpenAI SDK sends them. A question with attachments becomes an
 * array of parts: its text, each text file as fenced text with its name, and each image as an
 * `image_url` part with a data: URL read from the data folder here in main (the page only
 * names the files). Sizes and types are checked again on the bytes read.
 */
import type OpenAI from 'openai';
import { ATTACHMENT_LIMITS, formatBytes } from '../../shared/attachmentLimits';
import type { Attachment, ChatMessage } from '../../shared/ipc';
import { detectFileType } from '../../shared/fileType';
import { AppFailure } from '../appFailure';
import { attachmentProblem } from '../../shared/attachmentRules';
import { MissingAttachment, type AttachmentFiles } from './attachmentFiles';
import { fencedText } from './fencedText';

type Part = OpenAI.Chat.ChatCompletionContentPart;
type Reader = Pick<AttachmentFiles, 'read'>;

const refused = (message: string): AppFailure => new AppFailure({ code: 'invalid-request', message });

/** `earlier`: a message already in the conversation, whose file may have stayed behind (restored from a backup, which keeps none). */
async function partsOf(message: ChatMessage, attachments: readonly Attachment[], files: Reader, earlier: boolean): Promise<Part[]> {
  const texts: Part[] = message.content.trim() === '' ? [] : [{ type: 'text', text: message.content }];
  const images: Part[] = [];
  let total = 0;
  for (const attachment of attachments) {
    const bytes = await files.read(attachment.file).catch((error: unknown) => {
      if (earlier && error instanceof MissingAttachment) return null;
      throw error;
    });
    if (bytes === null) {
      // The conversation goes on; the model hears that a file was there.
      texts.push({ type: 'text', text: `[Attached file “${attachment.name}” is no longer available.]` });
      continue;
    }
    const problem = attachmentProblem(attachment.name, bytes);
    if (problem) throw refused(problem);
    total += bytes.length;
    if (total > ATTACHMENT_LIMITS.messageBytes) {
      throw refused(`The files on one message can add up to ${formatBytes(ATTACHMENT_LIMITS.messageBytes)} at most. Remove some and send again.`);
    }
    const type = detectFileType(bytes);
    if (type?.kind === 'image') {
      images.push({ type: 'image_url', image_url: { url: `data:${type.mimeType};base64,${bytes.toString('base64')}` } });
    } else {
      texts.push({ type: 'text', text: fencedText(attachment.name, bytes.toString('utf8')) });
    }
  }
  return [...texts, ...images];
}

export async function toModelMessages(
  systemPrompt: string,
  messages: readonly ChatMessage[],
  files: Reader | undefined,
): Promise<OpenAI.Chat.ChatCompletionMessageParam[]> {
  const converted = await Promise.all(
    messages.map(async (message, index): Promise<OpenAI.Chat.ChatCompletionMessageParam> => {
      const { role, content, attachments = [] } = message;
      if (role === 'assistant' || attachments.length === 0) return { role, content };
      if (!files) throw refused('This chat cannot send attachments.');
      return { role, content: await partsOf(message, attachments, files, index < messages.length - 1) };
    }),
  );
  return [...(systemPrompt.trim() ? [{ role: 'system' as const, content: systemPrompt }] : []), ...converted];
}
