import { memo } from 'react';
import { formatUsage } from '../../lib/format';
import type { Message } from './conversationReducer';
import { Reasoning } from './Reasoning';

interface MessageItemProps {
  message: Message;
  /** Shown while this answer streams and main is trying again. */
  retrying: string | null;
  canRetry: boolean;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
}

const SETTINGS_CODES = new Set(['auth', 'no-key']);

/** One turn. Memoized: while an answer streams, only its own row re-renders. */
export const MessageItem = memo(function MessageItem({ message, retrying, canRetry, onRetry, onOpenSettings }: MessageItemProps) {
  const isUser = message.role === 'user';
  const name = isUser ? 'You' : 'Assistant';
  const streaming = message.status === 'streaming';
  const usage = formatUsage(message.usage, message.firstTokenMs, message.durationMs);

  return (
    <article className={`message ${message.role}`} aria-label={name} aria-busy={streaming}>
      <header className="message-header">
        <span className="message-author">{name}</span>
        {!isUser && message.model && <span className="message-model">{message.model}</span>}
      </header>
      {message.reasoning !== '' && <Reasoning text={message.reasoning} thinking={streaming && message.content === ''} />}
      {message.content !== '' && <div className="message-content">{message.content}</div>}
      {streaming && (
        <p className="message-status">
          <span className="spinner" aria-hidden="true" />
          Generating…{retrying && ` (${retrying})`}
        </p>
      )}
      {message.status === 'stopped' && <p className="message-status">Stopped</p>}
      {message.error && (
        <div role="alert" className="message-error">
          <p>{message.error.message}</p>
          <div className="actions">
            <button type="button" onClick={() => onRetry(message.id)} disabled={!canRetry}>
              Retry
            </button>
            {SETTINGS_CODES.has(message.error.code) && (
              <button type="button" onClick={onOpenSettings}>
                Open settings
              </button>
            )}
          </div>
        </div>
      )}
      {!isUser && !streaming && usage !== '' && <p className="message-usage">{usage}</p>}
    </article>
  );
});
