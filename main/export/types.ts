/**
 * What an export carries: the stored conversation plus the endpoint and parameters it was
 * held with, and room for earlier versions of regenerated answers (issue 4 fills them).
 */
import type { StoredConversation, StoredMessage } from '../../preload/contract';
import type { ModelParams } from '../history/types';

export type { JsonValue, ModelParams } from '../history/types';

/** An earlier answer that a regeneration replaced. */
export interface ExportVersion extends StoredMessage {
  params?: ModelParams;
}

export interface ExportMessage extends StoredMessage {
  params?: ModelParams;
  /** Earlier answers, oldest first; the message itself is the current one. */
  versions?: ExportVersion[];
}

export interface ExportConversation extends Omit<StoredConversation, 'messages'> {
  /** The base URL the conversation was held with; never a key. */
  endpoint: string;
  params: ModelParams;
  messages: ExportMessage[];
}
