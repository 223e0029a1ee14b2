import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Message } from './conversationReducer';
import { MessageItem, messageElementId } from './MessageItem';

/** A request to bring one message into view; a new object each time, so the same message can be asked for twice. */
export interface MessageTarget {
  messageId: string;
}

interface MessageListProps {
  messages: Message[];
  retrying: string | null;
  canRetry: boolean;
  target: MessageTarget | null;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
}

/** How close to the bottom still counts as "following the answer". */
const FOLLOW_PX = 48;
const HIGHLIGHT_MS = 2_500;

/**
 * The conversation log. It follows a streaming answer unless the person has scrolled up
 * to read, and jumps to a message a search result pointed at.
 */
export function MessageList({ messages, retrying, canRetry, target, onRetry, onOpenSettings }: MessageListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  /** The target whose highlight has faded. */
  const [faded, setFaded] = useState<MessageTarget | null>(null);
  const highlightId = target && target !== faded ? target.messageId : null;

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  useEffect(() => {
    const element = target && document.getElementById(messageElementId(target.messageId));
    if (!target || !element) return;
    // Reading an older message: a streaming answer must not pull the view away from it.
    following.current = false;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
    const timer = setTimeout(() => setFaded(target), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [target]);

  function onScroll() {
    const element = ref.current;
    if (element) following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_PX;
  }

  return (
    <div ref={ref} role="log" aria-label="Conversation" className="message-list" tabIndex={0} onScroll={onScroll}>
      {messages.length === 0 ? (
        <p className="empty-state">Choose a model, write a message, and the answer appears here.</p>
      ) : (
        messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            retrying={message.status === 'streaming' ? retrying : null}
            canRetry={canRetry}
            highlighted={message.id === highlightId}
            onRetry={onRetry}
            onOpenSettings={onOpenSettings}
          />
        ))
      )}
    </div>
  );
}
