import { useEffect, useRef } from 'react';
import { clearMatchHighlight, highlightMatches } from './matchHighlight';
import { messageElementId } from './MessageItem';
import type { MessageTarget } from './MessageList';

/**
 * Marks a search result's words in the message it opened and brings the first match into view
 * (a long answer can hold it far below the message's top). Runs after every render, because the
 * message's row may only now exist, or may have been rendered anew (the list is virtualized);
 * the marks stay until another target or conversation.
 */
export function useMatchHighlight(target: MessageTarget | null): void {
  const shown = useRef<{ target: MessageTarget; first: Range | null } | null>(null);

  useEffect(() => {
    if (!target?.words?.length) return;
    const current = shown.current;
    if (current?.target === target && (!current.first || current.first.startContainer.isConnected)) return;
    const element = document.getElementById(messageElementId(target.messageId));
    if (!element) return;
    const [first = null] = highlightMatches(element, target.words);
    const isNew = current?.target !== target;
    shown.current = { target, first };
    if (isNew) first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  });

  useEffect(() => () => clearMatchHighlight(), [target]);
}
