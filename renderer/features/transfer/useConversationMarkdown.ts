import { useParley } from '../../lib/ParleyContext';
import { saveOrDownload } from '../../lib/saveOrDownload';
import { useActionStatus } from '../../lib/useActionStatus';

/**
 * "Export as Markdown" and "Copy as Markdown" for one conversation (the top bar's and a
 * sidebar row's menus), with what the last one did to say beside them.
 */
export function useConversationMarkdown() {
  const api = useParley();
  const { status, error, run } = useActionStatus();
  const exportFile = (id: string) => void run(async () => saveOrDownload(await api.exportConversation({ id })));
  const copy = (id: string) =>
    void run(async () => {
      const { markdown } = await api.conversationMarkdown({ id });
      await navigator.clipboard.writeText(markdown);
      return 'Copied';
    });
  return { exportFile, copy, status, error };
}
