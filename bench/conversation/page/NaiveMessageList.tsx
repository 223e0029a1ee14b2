import type { Message } from '../../../renderer/features/chat/conversationReducer';
import { MessageItem } from '../../../renderer/features/chat/MessageItem';

const noop = () => {};

/** The baseline: every message in the DOM at once, as the list was before virtualization. */
export function NaiveMessageList({ messages }: { messages: Message[] }) {
  return (
    <div role="log" aria-label="Conversation" className="message-list" style={{ gap: '1rem', padding: '1.5rem' }}>
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} retrying={null} canRetry highlighted={false} modelNote={null} isLastAnswer={false} opensAtEnd={false} onRetry={noop} onOpenSettings={noop} />
      ))}
    </div>
  );
}
