import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { MessageTarget } from './MessageList';
import type { Chat, ChatDefaults } from './useChat';
import { useChanges } from '../../lib/useChanges';
import { useLatest } from '../../lib/useLatest';

interface OpenOptions {
  /** What a new chat starts with. */
  defaults: ChatDefaults;
  /** Saves what is still waiting to be saved in the conversation being left. */
  beforeLeaving: () => void;
  report: (what: string, error: unknown) => void;
}

/**
 * Which conversation the window shows: one opened from history (a slow open overtaken by
 * another is dropped), optionally at a message with a search's words marked in it (through its
 * branch, in the open conversation too, once an answer streaming there has ended), or a new chat. When main replaces the whole
 * history (a backup restored), the window starts a new chat rather than show what may be gone.
 */
export function useOpenConversation(api: ParleyApi, chat: Chat, { defaults, beforeLeaving, report }: OpenOptions) {
  const { startNew: startNewChat, open: openChat } = chat;
  const openId = chat.conversation.id;
  const [opening, setOpening] = useState(false);
  const [target, setTarget] = useState<MessageTarget | null>(null);
  /** Counts opens, so a slow one that was overtaken is dropped. */
  const openTicket = useRef(0);
  /** A hit on a hidden branch of the open conversation that came while an answer streamed there. */
  const waiting = useRef<{ id: string; jump: MessageTarget } | null>(null);
  const { model, systemPrompt, params, endpointId } = defaults;

  const startNew = useCallback(() => {
    beforeLeaving();
    // A conversation still loading must not replace the new chat when it arrives.
    openTicket.current += 1;
    waiting.current = null;
    setOpening(false);
    setTarget(null);
    startNewChat({ model, systemPrompt, params, endpointId });
  }, [beforeLeaving, startNewChat, model, systemPrompt, params, endpointId]);

  /** Reads a conversation from main, at `jump` (through its branch: a search hit may be on a hidden one), and shows it. */
  const load = useCallback(
    (id: string, jump: MessageTarget | null) => {
      beforeLeaving();
      const ticket = ++openTicket.current;
      setOpening(true);
      (jump === null ? api.getConversation({ id }) : api.showBranch({ conversationId: id, messageId: jump.messageId })).then(
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
    [api, beforeLeaving, openChat, report],
  );

  // What the open conversation shows, read when a search hit in it comes (not a dependency of
  // `open`, which would then change with every streamed word).
  const shownRef = useLatest(chat.conversation.messages);
  const { streaming } = chat;

  const open = useCallback(
    /** `words`: a search's words (from searchWords), marked in the message opened at. */
    (id: string, messageId: string | null, words: readonly string[] = []) => {
      const jump = messageId === null ? null : { messageId, words };
      waiting.current = null;
      if (id === openId && (jump === null || shownRef.current.some((message) => message.id === jump.messageId))) {
        if (jump) setTarget(jump);
        return;
      }
      // Switching the branch under an answer still streaming would pull the path from under it, as
      // ‹ n/m › would (which is disabled meanwhile): the hit's branch opens once the answer ends.
      if (id === openId && jump && streaming) {
        waiting.current = { id, jump };
        return;
      }
      load(id, jump);
    },
    [openId, streaming, load, shownRef],
  );

  useEffect(() => {
    const hit = waiting.current;
    if (streaming || !hit || hit.id !== openId) return;
    waiting.current = null;
    load(hit.id, hit.jump);
  }, [streaming, openId, load]);

  useChanges(api, ['messages'], ({ ids }) => {
    if (!ids) startNew();
  });

  return { openId, opening, target, open, startNew };
}
