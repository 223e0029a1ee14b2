import { memo, useCallback, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { formatUsage } from '../../lib/format';
import { Markdown } from '../markdown/Markdown';
import { ModelGone } from '../models/ModelGone';
import { answerCostLabel } from '../models/answerCost';
import type { Message } from './conversationReducer';
import { MessageActions } from './MessageActions';
import { MessageEditActions } from './MessageEditActions';
import { Reasoning } from './Reasoning';
import { VersionsSwitcher } from './VersionsSwitcher';
import { useEditRequested } from './editRequest';
import { useModelInfo } from '../models/modelsContext';
import { DropParamButton } from '../params/DropParamButton';
import { MessageAttachments } from '../attachments/AttachmentChip';

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

/**
 * One turn, showing its current version or an earlier one. Memoized: while an answer streams,
 * only its own row re-renders; the actions read their context in their own component, so a
 * turn starting or ending re-renders the action buttons, not the Markdown above them.
 */
export const MessageItem = memo(function MessageItem({ message, retrying, canRetry, highlighted, onRetry, onOpenSettings }: MessageItemProps) {
  const api = useParley();
  const openLink = useCallback((url: string) => void api.openLink({ url }), [api]);
  /** The version browsed to; null follows the current one (the last). */
  const [browsed, setBrowsed] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  if (useEditRequested(message.id) && !editing) setEditing(true);
  const versions = message.versions ?? [];
  const shown = Math.min(browsed ?? versions.length, versions.length);
  const view = versions[shown] ?? message;
  const isCurrent = view === message;
  const isUser = message.role === 'user';
  const name = isUser ? 'You' : 'Assistant';
  const streaming = message.status === 'streaming';
  const usage = formatUsage(view.usage, view.firstTokenMs, view.durationMs) + answerCostLabel(view.usage, useModelInfo(view.model));
  const retryButton = (
    <button type="button" onClick={() => onRetry(message.id)} disabled={!canRetry}>
      Retry
    </button>
  );
  const stopEditing = useCallback(() => {
    setEditing(false);
    setBrowsed(null);
  }, []);

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
        {!isUser && view.model && <span className="message-model">{view.model}</span>}
        {versions.length > 0 && <VersionsSwitcher shown={shown} count={versions.length + 1} onShow={setBrowsed} />}
      </header>
      {view.reasoning !== '' && <Reasoning text={view.reasoning} thinking={streaming && view.content === ''} durationMs={view.thinkingMs} />}
      {editing ? (
        <MessageEditActions messageId={message.id} initial={message.content} onDone={stopEditing} />
      ) : (
        view.content !== '' &&
        (isUser ? (
          <div className="message-content">{view.content}</div>
        ) : (
          <Markdown className="message-markdown" text={view.content} streaming={streaming && isCurrent} onOpenLink={openLink} />
        ))
      )}
      {message.attachments && <MessageAttachments attachments={message.attachments} missing={message.missingAttachments} />}
      {streaming && isCurrent && (
        <p className="message-status">
          <span className="spinner" aria-hidden="true" />
          Generating…{retrying && ` (${retrying})`}
        </p>
      )}
      {view.status === 'stopped' && <p className="message-status">Stopped</p>}
      {view.status === 'interrupted' && (
        <div className="message-error message-interrupted">
          <p>Interrupted: Parley closed before this answer was complete.</p>
          {isCurrent && <div className="actions">{retryButton}</div>}
        </div>
      )}
      {view.error && (
        <div role="alert" className="message-error">
          <p>{view.error.message}</p>
          {isCurrent && (
            <div className="actions">
              {retryButton}
              {view.error.code === 'model-not-found' && <ModelGone model={view.model} failedAt={view.createdAt} />}
              <DropParamButton answerId={message.id} error={view.error} disabled={!canRetry} />
              {SETTINGS_CODES.has(view.error.code) && (
                <button type="button" onClick={onOpenSettings}>
                  Open settings
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {!isUser && !streaming && usage !== '' && <p className="message-usage">{usage}</p>}
      {!streaming && !editing && <MessageActions message={message} shownText={view.content} onEdit={() => setEditing(true)} />}
    </article>
  );
});
