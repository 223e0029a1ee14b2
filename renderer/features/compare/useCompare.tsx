import { useCallback, useEffect, useRef, useState } from 'react';
import type { Chat } from '../chat/useChat';
import { CompareView } from './lazy';

/** What Compare was opened with: the composer's draft, and the way to put text back in the composer. */
interface Opened {
  draft: string;
  replaceDraft: (text: string) => void;
}

/**
 * Compare as the chat view uses it: `open` for the composer's Compare button, and the view that
 * takes the thread's place (null when closed). A chosen answer shows in the chat as its next
 * turn and empties the composer; closing without one puts the prompt back in the composer.
 */
export function useCompare(chat: Chat) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = useCallback((draft: string, replaceDraft: (text: string) => void) => setOpened({ draft, replaceDraft }), []);
  // The composer is hidden while Compare shows: its text (and focus) goes back once it is on screen again.
  const handBack = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (opened) return;
    handBack.current?.();
    handBack.current = null;
  }, [opened]);

  function close(text: string) {
    if (!opened) return;
    handBack.current = () => opened.replaceDraft(text);
    setOpened(null);
  }

  const view = opened && (
    <CompareView
      conversation={chat.conversation}
      initialPrompt={opened.draft}
      onSaved={(stored, chosen) => {
        close('');
        chat.showSavedTurn(stored, chosen);
      }}
      onClose={close}
    />
  );
  return { open, view };
}
