import { memo, useCallback, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { formatUsage } from '../../lib/format';
import { Markdown } from '../markdown/Markdown';
import { answerCostLabel } from '../models/answerCost';
import type { Message } from './conversationReducer';
import { AnswerProblem } from './AnswerProblem';
import { MessageActions } from './MessageActions';
import { MessageEditActions } from './MessageEditActions';
import { Reasoning } from './Reasoning';
import { VersionsSwitcher } from './VersionsSwitcher';
import { useEditRequested } from './editRequest';
import { useModelInfo } from '../models/modelsContext';
import { MessageAttachments } from '../attachments/AttachmentChip';
import type { ModelNote } from './modelNotes';
import { Icons } from '../../ui/icons';
import { AnswerWithToolCalls } from '../tools/AnswerWithToolCalls';

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
 * One turn, showing its current version or an earlier one: your message as a bubble, an answer
 * as text with its reasoning above and its actions and stats below. Memoized: while an answer
 * streams, only its own row re-renders; the actions read their context in their own component,
 * so a turn starting or ending re-renders the action buttons, not the Markdown above them.
 */
export const MessageItem = memo(function MessageItem({ message, retrying, canRetry, highlighted, searchWords, modelNote, isLastAnswer, opensAtEnd, onRetry, onOpenSettings }: MessageItemProps) {
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
  const streaming = message.status === 'streaming';
  const failed = view.error !== null || view.status === 'interrupted';
  // An earlier version by another model (a comparison's other columns) is named as well.
  const note = !isCurrent && view.model !== message.model ? 'first' : modelNote;
  // Honest numbers: none on a failed answer, none on one stopped before any text.
  const modelInfo = useModelInfo(view.model);
  const usage = isUser || failed || view.content === '' ? '' : formatUsage(view.usage, view.firstTokenMs, view.durationMs) + answerCostLabel(view.usage, modelInfo);
  const stopEditing = useCallback(() => {
    setEditing(false);
    setBrowsed(null);
  }, []);
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
        <p className="message-model" title={view.model}>
          {note === 'switched' ? (
            <>
              <Icons.jumpToLatest aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
              Switched to {shortModel(view.model)}
            </>
          ) : (
            shortModel(view.model)
          )}
        </p>
      )}
      {view.reasoning !== '' && <Reasoning text={view.reasoning} thinking={streaming && view.content === ''} durationMs={view.thinkingMs} />}
      {editing ? (
        <MessageEditActions messageId={message.id} initial={message.content} onDone={stopEditing} />
      ) : isUser ? (
        view.content !== '' && <div className="message-bubble">{view.content}</div>
      ) : (
        // An answer that used tools shows each call where it was made.
        (view.toolCalls?.length ? (
          <AnswerWithToolCalls content={view.content} calls={view.toolCalls} streaming={streaming && isCurrent} searchWords={searchWords} onOpenLink={openLink} />
        ) : (
          view.content !== '' && <Markdown className="message-markdown" text={view.content} streaming={streaming && isCurrent} opensAtEnd={opensAtEnd} onOpenLink={openLink} />
        ))
      )}
      {message.attachments && <MessageAttachments attachments={message.attachments} missing={message.missingAttachments} />}
      {streaming && isCurrent && (
        <p className="message-progress">
          {view.content === '' && view.reasoning === '' && <span className="streaming-dot" aria-hidden="true" />}
          {/* The Stop button says it for the eyes; a screen reader hears it here. */}
          <span className={retrying ? 'message-retrying' : 'visually-hidden'}>Generating…{retrying && ` (${retrying})`}</span>
        </p>
      )}
      {view.status === 'stopped' && <p className="message-stopped">Stopped</p>}
      {view.status === 'complete' && view.finishReason === 'length' && <p className="message-stopped">Stopped at the length limit</p>}
      {failed && (
        <AnswerProblem
          answerId={message.id}
          answer={view}
          actionable={isCurrent}
          canRetry={canRetry}
          onRetry={onRetry}
          onOpenSettings={onOpenSettings}
        />
      )}
      {!streaming && !editing && (
        <div className="message-footer">
          <MessageActions message={message} shownText={view.content} showingCurrent={isCurrent} onEdit={() => setEditing(true)} />
          {versions.length > 0 && <VersionsSwitcher shown={shown} count={versions.length + 1} onShow={setBrowsed} />}
          {usage !== '' && <p className="message-usage">{usage}</p>}
        </div>
      )}
    </article>
  );
});
