import { memo, useCallback, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { formatUsage } from '../../lib/format';
import { Markdown } from '../markdown/Markdown';
import { answerCostLabel } from '../models/answerCost';
import type { Message } from './conversationReducer';
import { AnswerProblem, MessageEditActions } from './lazy';
import { MessageActions } from './MessageActions';
import { Reasoning } from './Reasoning';
import { VersionsSwitcher } from './VersionsSwitcher';
import { useEditRequested } from './editRequest';
import { useModelInfo } from '../models/modelsContext';
import { MessageAttachments } from '../attachments/AttachmentChip';
import type { ModelNote } from './modelNotes';
import { Icons } from '../../ui/icons';
import { AnswerWithToolCalls } from '../tools/AnswerWithToolCalls';
import { LongText } from '../../lib/LongText';

interface MessageItemProps {
  message: Message;
  /** Shown while this answer streams and main is trying again. */
  retrying: string | null;
  canRetry: boolean;
  /** Briefly marked after a search result led here. */
  highlighted: boolean;
  /** The words of the search that led here: the tool calls holding them open. */
  searchWords?: readonly string[];
  /** The answer's model, named on the first answer and where it changes; null elsewhere. */
  modelNote: ModelNote | null;
  /** The last answer keeps its actions in view. */
  isLastAnswer: boolean;
  /** The message is first seen from its end (the list opened at its end): a long answer renders its end first. */
  opensAtEnd: boolean;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
}

/** The element id of a message, so a search result can lead to it. */
export const messageElementId = (id: string) => `message-${id}`;

/** A model id without its provider, as the thread names it: `openai/gpt-oss-120b` → `gpt-oss-120b`. */
const shortModel = (model: string) => model.slice(model.lastIndexOf('/') + 1);

/**
 * One turn, with ‹ n/m › where it has other versions: your message as a bubble, an answer
 * as text with its reasoning above and its actions and stats below. Memoized: while an answer
 * streams, only its own row re-renders; the actions read their context in their own component,
 * so a turn starting or ending re-renders the action buttons, not the Markdown above them.
 */
export const MessageItem = memo(function MessageItem({ message, retrying, canRetry, highlighted, searchWords, modelNote, isLastAnswer, opensAtEnd, onRetry, onOpenSettings }: MessageItemProps) {
  const api = useParley();
  const openLink = useCallback((url: string) => void api.openLink({ url }), [api]);
  const [editing, setEditing] = useState(false);
  if (useEditRequested(message.id) && !editing) setEditing(true);
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  const failed = message.error !== null || message.status === 'interrupted';
  const note = modelNote;
  // Honest numbers: none on a failed answer, none on one stopped before any text.
  const modelInfo = useModelInfo(message.model);
  const usage = isUser || failed || message.content === '' ? '' : formatUsage(message.usage, message.firstTokenMs, message.durationMs) + answerCostLabel(message.usage, modelInfo);
  const stopEditing = useCallback(() => setEditing(false), []);
  const classes = ['message', message.role, highlighted && 'highlighted', isLastAnswer && 'last-answer', streaming && 'streaming'].filter(Boolean).join(' ');

  return (
    <article
      id={messageElementId(message.id)}
      data-message-id={message.id}
      // Focusable from script only: a search result moves focus here.
      tabIndex={-1}
      className={classes}
      // The thread shows no "You"/"Assistant" labels; the articles keep them as their names.
      aria-label={isUser ? 'You' : 'Assistant'}
      aria-busy={streaming}
    >
      {note && (
        <p className="message-model" title={message.model}>
          {note === 'switched' ? (
            <>
              <Icons.jumpToLatest aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
              Switched to {shortModel(message.model)}
            </>
          ) : (
            shortModel(message.model)
          )}
        </p>
      )}
      {message.reasoning !== '' && <Reasoning text={message.reasoning} thinking={streaming && message.content === ''} durationMs={message.thinkingMs} />}
      {editing ? (
        <MessageEditActions messageId={message.id} initial={message.content} onDone={stopEditing} />
      ) : isUser ? (
        message.content !== '' && (
          <div className="message-bubble">
            <LongText text={message.content} />
          </div>
        )
      ) : (
        // An answer that used tools shows each call where it was made.
        (message.toolCalls?.length ? (
          <AnswerWithToolCalls content={message.content} calls={message.toolCalls} streaming={streaming} searchWords={searchWords} onOpenLink={openLink} />
        ) : (
          message.content !== '' && <Markdown className="message-markdown" text={message.content} streaming={streaming} opensAtEnd={opensAtEnd} onOpenLink={openLink} />
        ))
      )}
      {message.attachments && <MessageAttachments attachments={message.attachments} missing={message.missingAttachments} />}
      {streaming && (
        <p className="message-progress">
          {message.content === '' && message.reasoning === '' && <span className="streaming-dot" aria-hidden="true" />}
          {/* The Stop button says it for the eyes; a screen reader hears it here. */}
          <span className={retrying ? 'message-retrying' : 'visually-hidden'}>Generating…{retrying && ` (${retrying})`}</span>
        </p>
      )}
      {message.status === 'stopped' && <p className="message-stopped">Stopped</p>}
      {message.status === 'complete' && message.finishReason === 'length' && <p className="message-stopped">Stopped at the length limit</p>}
      {failed && (
        <AnswerProblem
          answerId={message.id}
          answer={message}
          actionable
          canRetry={canRetry}
          onRetry={onRetry}
          onOpenSettings={onOpenSettings}
        />
      )}
      {!streaming && !editing && (
        <div className="message-footer">
          <MessageActions message={message} onEdit={() => setEditing(true)} />
          {message.siblings && message.siblings.length > 1 && <VersionsSwitcher messageId={message.id} siblings={message.siblings} />}
          {usage !== '' && <p className="message-usage">{usage}</p>}
        </div>
      )}
    </article>
  );
});
