import { useCallback, useState } from 'react';
import type { Chat } from '../chat/useChat';
import { CompareDialog } from './CompareDialog';

/** What Compare was opened with: the composer's draft, and the way to put text back in the composer. */
interface Opened {
  draft: string;
  replaceDraft: (text: string) => void;
}

/**
 * Compare as the chat view uses it: `open` for the composer's Compare button, and the dialog
 * (null when closed). A chosen answer shows in the chat as its next turn and empties the
 * composer; closing without one puts the prompt back in the composer.
 */
export function useCompareDialog(chat: Chat) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = useCallback((draft: string, replaceDraft: (text: string) => void) => setOpened({ draft, replaceDraft }), []);
  const dialog = opened && (
    <CompareDialog
      conversation={chat.conversation}
      initialPrompt={opened.draft}
      onSaved={(stored, chosen) => {
        opened.replaceDraft('');
        setOpened(null);
        chat.showSavedTurn(stored, chosen);
      }}
      onClose={(prompt) => {
        opened.replaceDraft(prompt);
        setOpened(null);
      }}
    />
  );
  return { open, dialog };
}
