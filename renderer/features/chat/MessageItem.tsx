import { memo, useCallback } from 'react';
import { useParley } from '../../app/ParleyContext';
import { formatUsage } from '../../lib/format';
import { Markdown } from '../markdown/Markdown';
import type { Message } from './conversationReducer';
import { Reasoning } from './Reasoning';

interface MessageItemProps {
  message: Message;
  /** Shown while this answer streams and main is trying again. */
  retrying: string | null;
  canRetry: boolean;
  /** Briefly marked after a search result led here. */
  highlighted: boolean;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
}

const SETTINGS_CODES = new Set(['auth', 'no-key']);

/** The element id of a message, so a search result can lead to it. */
export const messageElementId = (id: string) => `message-${id}`;

/** One turn. Memoized: while an answer streams, only its own row re-renders. */
export const MessageItem = memo(function MessageItem({ message, retrying, canRetry, highlighted, onRetry, onOpenSettings }: MessageItemProps) {
  const api = useParley();
  const openLink = useCallback((url: string) => void api.openLink(url), [api]);
  const isUser = message.role === 'user';
  const name = isUser ? 'You' : 'Assistant';
  const streaming = message.status === 'streaming';
  const usage = formatUsage(message.usage, message.firstTokenMs, message.durationMs);
  const retryButton = (
    <button type="button" onClick={() => onRetry(message.id)} disabled={!canRetry}>
      Retry
    </button>
  );

  return (
    <article
      id={messageElementId(message.id)}
      data-message-id={message.id}
      // Focusable from script only: a search result moves focus here.
      tabIndex={-1}
      className={highlighted ? `message ${message.role} highlighted` : `message ${message.role}`}
      aria-label={name}
      aria-busy={streaming}
    >
      <header className="message-header">
        <span className="message-author">{name}</span>
        {!isUser && message.model && <span className="message-model">{message.model}</span>}
      </header>
      {message.reasoning !== '' && <Reasoning text={message.reasoning} thinking={streaming && message.content === ''} />}
      {message.content !== '' &&
        (isUser ? (
          <div className="message-content">{message.content}</div>
        ) : (
          <Markdown className="message-markdown" text={message.content} streaming={streaming} onOpenLink={openLink} />
        ))}
      {streaming && (
        <p className="message-status">
          <span className="spinner" aria-hidden="true" />
          Generating…{retrying && ` (${retrying})`}
        </p>
      )}
      {message.status === 'stopped' && <p className="message-status">Stopped</p>}
      {message.status === 'interrupted' && (
        <div className="message-error message-interrupted">
          <p>Interrupted: Parley closed before this answer was complete.</p>
          <div className="actions">{retryButton}</div>
        </div>
      )}
      {message.error && (
        <div role="alert" className="message-error">
          <p>{message.error.message}</p>
          <div className="actions">
            {retryButton}
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
