import { useState } from 'react';
import { useCopyText } from '../../lib/useCopyText';
import { toAppError } from '../../lib/errors';
import type { Message } from './conversationReducer';
import { useMessageActions } from './MessageActionsContext';

interface MessageActionsProps {
  message: Message;
  /** The Markdown source of the version shown, which Copy copies. */
  shownText: string;
  onEdit: () => void;
}

/**
 * Copy, Regenerate (the last answer), Edit (the last question) and Delete (after "Confirm
 * delete"). Its state is its own, so using one message's actions re-renders that message only.
 */
export function MessageActions({ message, shownText, onEdit }: MessageActionsProps) {
  const { lastUserId, lastAnswerId, idle, regenerate, remove } = useMessageActions();
  const [problem, setProblem] = useState<string | null>(null);
  const { copied, copy } = useCopyText((error) => setProblem(`Could not copy: ${toAppError(error).message}`));
  const [confirming, setConfirming] = useState(false);
  const streaming = message.status === 'streaming';

  const onDelete = () => {
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    remove(message.id).catch((error: unknown) => setProblem(`Could not delete: ${toAppError(error).message}`));
  };

  return (
    <div className="message-actions" role="group" aria-label="Message actions">
      <button type="button" onClick={() => copy(shownText)} disabled={shownText === ''}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      {idle && message.id === lastAnswerId && (
        <button type="button" onClick={() => regenerate(message.id)}>
          Regenerate
        </button>
      )}
      {idle && message.id === lastUserId && (
        <button type="button" onClick={onEdit}>
          Edit
        </button>
      )}
      {/* Asking once more is the confirm; moving away from the button takes it back. */}
      <button type="button" className={confirming ? 'danger' : undefined} disabled={streaming} onClick={onDelete} onBlur={() => setConfirming(false)}>
        {confirming ? 'Confirm delete' : 'Delete'}
      </button>
      {problem && (
        <p role="alert" className="message-error">
          {problem}
        </p>
      )}
    </div>
  );
}
