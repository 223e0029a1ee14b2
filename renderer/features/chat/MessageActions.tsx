import { useState } from 'react';
import { useCopyText } from '../../lib/useCopyText';
import { toAppError } from '../../lib/errors';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { isRegenerable, type Message } from './conversationReducer';
import { useMessageActions } from './MessageActionsContext';

interface MessageActionsProps {
  message: Message;
  onEdit: () => void;
}

/**
 * Copy, Regenerate (any finished answer), Continue (the last answer, stopped by the person or at the
 * length limit; a cut one offers it in its callout), Edit (any question), Fork from here and
 * Delete (undone from the toast that follows), as 28 px icon buttons. Its state is its own, so
 * using one message's actions re-renders that message only.
 */
export function MessageActions({ message, onEdit }: MessageActionsProps) {
  const { continuableId, idle, regenerate, continueAnswer, fork, remove } = useMessageActions();
  const [problem, setProblem] = useState<string | null>(null);
  const { copied, copy } = useCopyText((error) => setProblem(`Could not copy: ${toAppError(error).message}`));
  const streaming = message.status === 'streaming';
  const inCallout = message.error !== null || message.status === 'interrupted';

  return (
    <div className="message-actions" role="group" aria-label="Message actions">
      {message.content !== '' && <IconButton size="sm" icon={copied ? Icons.copied : Icons.copy} label={copied ? 'Copied' : 'Copy'} onClick={() => copy(message.content)} />}
      {idle && isRegenerable(message) && <IconButton size="sm" icon={Icons.regenerate} label="Regenerate" onClick={() => regenerate(message.id)} />}
      {idle && message.id === continuableId && !inCallout && <IconButton size="sm" icon={Icons.continue} label="Continue" onClick={() => continueAnswer(message.id)} />}
      {idle && message.role === 'user' && <IconButton size="sm" icon={Icons.edit} label="Edit" onClick={onEdit} />}
      {fork && !streaming && (
        <IconButton
          size="sm"
          icon={Icons.fork}
          label="Fork from here"
          onClick={() => fork(message.id).catch((error: unknown) => setProblem(`Could not fork: ${toAppError(error).message}`))}
        />
      )}
      <IconButton
        size="sm"
        tone="danger"
        icon={Icons.delete}
        label="Delete"
        disabled={streaming}
        onClick={() => remove(message.id).catch((error: unknown) => setProblem(`Could not delete: ${toAppError(error).message}`))}
      />
      {problem && (
        <p role="alert" className="message-action-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
