/**
 * What an export carries: the stored conversation plus the endpoint and parameters it was
 * held with, and room for earlier versions of regenerated answers (issue 4 fills them).
 */
import type { Attachment, StoredConversation, StoredMessage } from '../../shared/ipc';
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

/** An earlier answer that a regeneration replaced. */
export interface ExportVersion extends Omit<StoredMessage, 'attachments' | 'versions'> {
  params?: ModelParams;
  attachments?: ExportAttachment[];
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
