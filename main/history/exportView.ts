/**
 * A stored conversation as the export core takes it. Fields are listed one by one, so what
 * only the store keeps (archive flag, row times of messages, conversation ids on messages)
 * never reaches a file, and a conversation read back after an import compares equal.
 */
import type { ExportConversation, ExportMessage, ExportVersion } from '../export/types';
import type { ConversationWithMessages, StoredMessage } from './types';

function toExportVersion(m: StoredMessage): ExportVersion {
  const message: ExportVersion = {
    id: m.id,
    role: m.role,
    content: m.content,
    reasoning: m.reasoning,
    status: m.status,
    error: m.error,
    usage: m.usage,
    model: m.model,
    finishReason: m.finishReason,
    firstTokenMs: m.firstTokenMs,
    durationMs: m.durationMs,
    thinkingMs: m.thinkingMs,
    createdAt: m.createdAt,
  };
  // Most messages have none; leaving `{}` out keeps every message's comment in the file short.
  if (Object.keys(m.params).length > 0) message.params = m.params;
  if (m.toolCalls) message.toolCalls = m.toolCalls;
  return message;
}

function toExportMessage(m: StoredMessage): ExportMessage {
  const message: ExportMessage = toExportVersion(m);
  if (m.versions) message.versions = m.versions.map(toExportVersion);
  if (m.attachments) message.attachments = m.attachments.map(({ file, name, kind, mimeType, bytes }) => ({ file, name, kind, mimeType, bytes }));
  return message;
}

export function toExportConversation(c: ConversationWithMessages): ExportConversation {
  return {
    id: c.id,
    title: c.title,
    model: c.model,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pinned: c.pinned,
    systemPrompt: c.systemPrompt,
    endpoint: c.endpoint,
    params: c.params,
    messages: c.messages.map(toExportMessage),
  };
}
