import { useLayoutEffect, useRef } from 'react';
import type { Message } from './conversationReducer';
import { MessageItem } from './MessageItem';

interface MessageListProps {
  messages: Message[];
  retrying: string | null;
  canRetry: boolean;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
}

/** How close to the bottom still counts as "following the answer". */
const FOLLOW_PX = 48;

/** The conversation log. It follows a streaming answer unless the person has scrolled up to read. */
export function MessageList({ messages, retrying, canRetry, onRetry, onOpenSettings }: MessageListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

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
            onRetry={onRetry}
            onOpenSettings={onOpenSettings}
          />
        ))
      )}
    </div>
  );
}
