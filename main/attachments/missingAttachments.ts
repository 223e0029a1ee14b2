import type { StoredMessage } from '../../shared/ipc';

/**
 * The conversation with each message's `missingAttachments`: the files it names that the data
 * folder does not hold (a backup restored elsewhere keeps the records, not the files), so the
 * window shows them as missing instead of failing to load them.
 */
export async function markMissingAttachments<C extends { messages: StoredMessage[] }>(conversation: C, has: (file: string) => Promise<boolean>): Promise<C> {
  const files = [...new Set(conversation.messages.flatMap((message) => message.attachments?.map((attachment) => attachment.file) ?? []))];
  if (files.length === 0) return conversation;
  const present = await Promise.all(files.map(has));
  const missing = new Set(files.filter((_, index) => !present[index]));
  if (missing.size === 0) return conversation;
  const messages = conversation.messages.map((message) => {
    const gone = message.attachments?.filter((attachment) => missing.has(attachment.file)).map((attachment) => attachment.file) ?? [];
    return gone.length > 0 ? { ...message, missingAttachments: gone } : message;
  });
  return { ...conversation, messages };
}
