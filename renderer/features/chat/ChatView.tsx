import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useCompareDialog } from '../compare/useCompareDialog';
import { ModelNotServed, unservedModel } from '../models/ModelNotServed';
import { useModels } from '../models/modelsContext';
import { Composer } from './Composer';
import { MessageActionsContext } from './MessageActionsContext';
import { MessageList, type MessageTarget } from './MessageList';
import type { Chat } from './useChat';
import { EditRequestContext, type EditRequest } from './editRequest';

interface ChatViewProps {
  chat: Chat;
  /** A conversation is being opened. */
  loading: boolean;
  target: MessageTarget | null;
  onOpenSettings: () => void;
}

/** The open conversation's messages and the composer (its title, model and settings are in the top bar). */
export function ChatView({ chat, loading, target, onOpenSettings }: ChatViewProps) {
  const { conversation, streaming, stop } = chat;

  // Escape stops the answer from anywhere, unless something (a dialog, the model list) used it.
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) stop();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [streaming, stop]);

  // Read through a ref so the composer's callback stays the same while answers stream.
  const messagesRef = useRef(conversation.messages);
  useLayoutEffect(() => {
    messagesRef.current = conversation.messages;
  }, [conversation.messages]);
  /** Up in the empty composer: the last question goes back into it, to change and send again. */
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  // Up in an empty composer opens the last question's Edit mode, which keeps the old text and answer as versions.
  const editLast = useCallback(() => {
    const last = messagesRef.current.findLast((message) => message.role === 'user');
    if (last) setEditRequest((previous) => ({ messageId: last.id, seq: (previous?.seq ?? 0) + 1 }));
    return null;
  }, []);

  const compare = useCompareDialog(chat);
  const unserved = unservedModel(conversation.model, conversation.messages.findLast((message) => message.model)?.model ?? null, useModels().list);

  return (
    <main className="chat-main" aria-busy={loading}>
      <MessageActionsContext.Provider value={chat.messageActions}>
      <EditRequestContext value={editRequest}>
        <MessageList
          // A fresh list per conversation: it starts at the bottom, following.
          key={conversation.id}
          conversationId={conversation.id}
          messages={conversation.messages}
          retrying={chat.retrying}
          canRetry={!streaming && conversation.model !== ''}
          target={target}
          onRetry={chat.retry}
          onOpenSettings={onOpenSettings}
        />
      </EditRequestContext>
      </MessageActionsContext.Provider>
      {unserved && <ModelNotServed model={unserved} />}
      <Composer
        hasModel={conversation.model !== '' && unserved === null}
        model={conversation.model}
        streaming={streaming}
        onSend={chat.send}
        onStop={stop}
        onEditLast={editLast}
        onCompare={compare.open}
      />
      {compare.dialog}
    </main>
  );
}
