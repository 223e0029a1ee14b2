import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { IconButton } from '../../components/IconButton';
import { saveOrDownload } from '../../lib/saveOrDownload';
import { useActionStatus } from '../../lib/useActionStatus';

interface ConversationExportButtonsProps {
  conversationId: string;
  /** A new chat has nothing in history to export until its first message is saved. */
  saved: boolean;
}

/** "Export as Markdown" and "Copy as Markdown" for the open conversation, with what each did. */
export function ConversationExportButtons({ conversationId, saved }: ConversationExportButtonsProps) {
  const api = useParley();
  const { status, error, run } = useActionStatus();

  const exportFile = () => void run(async () => saveOrDownload(await api.exportConversation({ id: conversationId })));
  const copy = () =>
    void run(async () => {
      const { markdown } = await api.conversationMarkdown({ id: conversationId });
      await navigator.clipboard.writeText(markdown);
      return 'Copied';
    });

  return (
    <div className="conversation-export">
      <div className="conversation-export-buttons">
        <IconButton label="Export as Markdown" icon="⤓" disabled={!saved} onClick={exportFile} />
        <IconButton label="Copy as Markdown" icon="⧉" disabled={!saved} onClick={copy} />
      </div>
      <ActionStatus status={status} error={error} />
    </div>
  );
}
