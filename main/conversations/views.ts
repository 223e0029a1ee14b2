/** The renderer's view of stored rows: what the sidebar needs, not every column main keeps. */
import type { ConversationSummary } from '../../shared/ipc';

export const summaryOf = ({ id, title, model, createdAt, updatedAt, pinned }: ConversationSummary): ConversationSummary => ({
  id,
  title,
  model,
  createdAt,
  updatedAt,
  pinned,
});
