import { useCallback, useRef, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { MessageTarget } from './MessageList';
import type { Chat, ChatDefaults } from './useChat';
import { useChanges } from '../../lib/useChanges';

interface OpenOptions {
  /** What a new chat starts with. */
  defaults: ChatDefaults;
  /** Saves what is still waiting to be saved in the conversation being left. */
  beforeLeaving: () => void;
  report: (what: string, error: unknown) => void;
}

/**
 * Which conversation the window shows: one opened from history (a slow open overtaken by
 * another is dropped), optionally at a message with a search's words marked in it, or a new chat. When main replaces the whole
 * history (a backup restored), the window starts a new chat rather than show what may be gone.
 */
export function useOpenConversation(api: ParleyApi, chat: Chat, { defaults, beforeLeaving, report }: OpenOptions) {
  const { startNew: startNewChat, open: openChat } = chat;
  const openId = chat.conversation.id;
  const [opening, setOpening] = useState(false);
  const [target, setTarget] = useState<MessageTarget | null>(null);
  /** Counts opens, so a slow one that was overtaken is dropped. */
  const openTicket = useRef(0);
  const { model, systemPrompt, params, endpointId } = defaults;

  const startNew = useCallback(() => {
    beforeLeaving();
    // A conversation still loading must not replace the new chat when it arrives.
    openTicket.current += 1;
    setOpening(false);
    setTarget(null);
    startNewChat({ model, systemPrompt, params, endpointId });
  }, [beforeLeaving, startNewChat, model, systemPrompt, params, endpointId]);

  const open = useCallback(
    /** `words`: a search's words (from searchWords), marked in the message opened at. */
    (id: string, messageId: string | null, words: readonly string[] = []) => {
      const jump = messageId === null ? null : { messageId, words };
      if (id === openId) {
        if (jump) setTarget(jump);
        return;
      }
      beforeLeaving();
      const ticket = ++openTicket.current;
      setOpening(true);
      // A search hit may be on a hidden branch: opening at it shows that branch.
      (messageId === null ? api.getConversation({ id }) : api.showBranch({ conversationId: id, messageId })).then(
        (conversation) => {
          if (ticket !== openTicket.current) return;
          setOpening(false);
          setTarget(jump);
          openChat(conversation);
        },
        (error: unknown) => {
          if (ticket !== openTicket.current) return;
          setOpening(false);
          report('Could not open the conversation', error);
        },
      );
    },
    [api, openId, beforeLeaving, openChat, report],
  );

  useChanges(api, ['messages'], ({ ids }) => {
    if (!ids) startNew();
  });

  return { openId, opening, target, open, startNew };
}
