/**
 * What an export carries: the stored conversation plus the endpoint and parameters it was
 * held with, and its whole tree: the path it shows, and at each branch point the other versions
 * with the branches below them.
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

/** A message of the conversation tree, shown or not, with what is stored about it. */
export interface ExportNode extends Omit<StoredMessage, 'attachments' | 'versions' | 'toolCalls' | 'siblings'> {
  params?: ModelParams;
  attachments?: ExportAttachment[];
  toolCalls?: ExportToolCall[];
}

/** Another version at a message's branch point (an answer a regeneration replaced, a question's other wording), with the branch below it. */
export interface ExportVersion extends ExportNode {
  /**
   * Its place among the message's versions by when each was last shown, 0 for the longest ago:
   * when the shown branch is deleted, the most recently shown version takes its place. Absent
   * when it equals the version's index (always so in files written before Parley kept the tree).
   */
  recency?: number;
  /** The messages that follow it, as they were last shown under it, each with its own versions; absent when it has none. */
  continuation?: ExportMessage[];
}

export interface ExportMessage extends ExportNode {
  /** The other versions at this point, in the order they were stored; the message itself is the one shown. */
  versions?: ExportVersion[];
}

export interface ExportConversation extends Omit<StoredConversation, 'messages'> {
  /** The base URL the conversation was held with; never a key. */
  endpoint: string;
  params: ModelParams;
  messages: ExportMessage[];
}
