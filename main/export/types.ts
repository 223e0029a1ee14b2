/**
 * What an export carries: the stored conversation plus the endpoint and parameters it was
 * held with, and room for earlier versions of regenerated answers (issue 4 fills them).
 */
import type { Attachment, StoredConversation, StoredMessage, ToolCallRecord } from '../../shared/ipc';
import type { ModelParams } from '../history/types';

export type { JsonValue, ModelParams } from '../history/types';


/**
 * A file sent with a message, as an export carries it: `file` names it in the data folder's
 * attachments (what the history and a backup keep), `href` says where an exported file's bytes
 * are (`attachments/<file>` next to a Markdown file, or a data: URL). Import turns an `href`
 * back into a stored `file`.
 */
export interface ExportAttachment extends Omit<Attachment, 'file'> {
  file?: string;
  href?: string;
}

/** A tool call as an export carries it: its images are linked like attachments. */
export interface ExportToolCall extends Omit<ToolCallRecord, 'resultImages'> {
  resultImages: ExportAttachment[];
}

/** An earlier answer that a regeneration replaced. */
export interface ExportVersion extends Omit<StoredMessage, 'attachments' | 'versions' | 'toolCalls'> {
  params?: ModelParams;
  attachments?: ExportAttachment[];
  toolCalls?: ExportToolCall[];
}

export interface ExportMessage extends ExportVersion {
  /** Earlier answers, oldest first; the message itself is the current one. */
  versions?: ExportVersion[];
}

export interface ExportConversation extends Omit<StoredConversation, 'messages'> {
  /** The base URL the conversation was held with; never a key. */
  endpoint: string;
  params: ModelParams;
  messages: ExportMessage[];
}
