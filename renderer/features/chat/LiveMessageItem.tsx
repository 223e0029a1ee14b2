import type { ComponentProps } from 'react';
import { AnswerBoundary } from '../markdown/AnswerBoundary';
import { useLiveMessage, type LiveAnswers } from './liveAnswers';
import { MessageItem } from './MessageItem';

type LiveMessageItemProps = ComponentProps<typeof MessageItem> & { live: LiveAnswers };

/**
 * One row of the log, with the text streaming into its answer drawn in: a streamed frame renders
 * this row alone, and the list learns the row's new height from its measurement, with no render.
 */
export function LiveMessageItem({ live, message: stateMessage, ...item }: LiveMessageItemProps) {
  const message = useLiveMessage(live, stateMessage);
  return (
    // One message that cannot be shown never takes the conversation with it.
    <AnswerBoundary text={message.content}>
      <MessageItem message={message} {...item} />
    </AnswerBoundary>
  );
}
