import { useEffect, useState } from 'react';
import { toAppError } from '../../lib/errors';
import type { Message } from './conversationReducer';
import { useMessageActions } from './MessageActionsContext';

interface MessageActionsProps {
  message: Message;
  /** The Markdown source of the version shown, which Copy copies. */
  shownText: string;
  onEdit: () => void;
}

const COPIED_MS = 1500;

/**
 * Copy, Regenerate (the last answer), Edit (the last question) and Delete (after "Confirm
 * delete"). Its state is its own, so using one message's actions re-renders that message only.
 */
export function MessageActions({ message, shownText, onEdit }: MessageActionsProps) {
  const { lastUserId, lastAnswerId, idle, regenerate, remove } = useMessageActions();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const streaming = message.status === 'streaming';

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    navigator.clipboard.writeText(shownText).then(
      () => setCopied(true),
      (error: unknown) => setProblem(`Could not copy: ${toAppError(error).message}`),
    );
  };

  const onDelete = () => {
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    remove(message.id).catch((error: unknown) => setProblem(`Could not delete: ${toAppError(error).message}`));
  };

  return (
    <div className="message-actions" role="group" aria-label="Message actions">
      <button type="button" onClick={copy} disabled={shownText === ''}>
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
