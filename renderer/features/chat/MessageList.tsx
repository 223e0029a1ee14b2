import { observeElementOffset, observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type WheelEvent } from 'react';
import { useLatest } from '../../lib/useLatest';
import type { Message } from './conversationReducer';
import type { LiveAnswers } from './liveAnswers';
import { whenIdle } from '../markdown/whenIdle';
import { JumpToLatest } from './lazy';
import { useEndOutOfView } from './useEndOutOfView';
import { LiveMessageItem } from './LiveMessageItem';
import { messageElementId } from './MessageItem';
import { modelNotes } from './modelNotes';
import { recallScroll, rememberScroll } from './scrollMemory';
import { useMatchHighlight } from './useMatchHighlight';
import { useStickToBottom } from './useStickToBottom';

/** A request to bring one message into view; a new object each time, so the same message can be asked for twice. */
export interface MessageTarget {
  messageId: string;
  /** A search's words (from searchWords), marked in the message. */
  words?: readonly string[];
}

interface MessageListProps {
  /** The list is keyed by conversation: it reads where this one was left once, and saves it on the way out. */
  conversationId: string;
  messages: Message[];
  /** The text streaming into `messages`' answers: a streamed frame re-renders the answer's row, not this list. */
  liveAnswers: LiveAnswers;
  retrying: string | null;
  canRetry: boolean;
  target: MessageTarget | null;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
  /** Shown in the log when there are no messages (the new chat's start). */
  empty?: ReactNode;
}

const HIGHLIGHT_MS = 2_500;
/**
 * Rows rendered beyond the view each way: smooth scrolling, and still a small DOM at any length.
 * None while the list opens: rows out of view would be parsed, highlighted and laid out before the
 * first paint; they follow when the window is idle.
 */
const OVERSCAN = 3;
/** Kept in step with chat.css: the space above and below the messages, and between them. */
const PADDING_START_PX = 24;
const PADDING_END_PX = 32;
const GAP_PX = 24;
/** Past any real end: the browser clamps it, so a list opens at its last message. */
const END_OFFSET = Number.MAX_SAFE_INTEGER;

/**
 * The box's size as the virtualizer sees it. A box not laid out yet reports 0 px, which would
 * render no rows at all: count it as a window tall until it has a real height.
 */
function observeViewport(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : { ...rect, height: window.innerHeight }));
}

/**
 * The box's scroll position as the virtualizer sees it, with the scrolls that pin the end (a
 * streaming answer's each new line) reported as the list's own, not a person scrolling: every
 * change of the virtualizer's "scrolling" state renders the whole list, and a pin would start one
 * and end it 150 ms later, two renders of the list for each line of an answer.
 */
function observeOffsetBesidesPins(wasPinnedAt: (scrollTop: number) => boolean) {
  return (instance: Virtualizer<HTMLDivElement, Element>, onOffset: (offset: number, isScrolling: boolean) => void) =>
    observeElementOffset(instance, (offset, isScrolling) => onOffset(offset, isScrolling && !wasPinnedAt(offset)));
}

/** A first guess from the text length, until the row is measured: close guesses keep the scrollbar steady. */
function estimateHeight(message: Message | undefined): number {
  const characters = (message?.content.length ?? 0) + (message?.reasoning === '' ? 0 : 40);
  return 64 + Math.min(Math.ceil(characters / 90), 400) * 24;
}

/**
 * The conversation log, virtualized: only the messages in view (and a few around) exist, each
 * measured as it renders. It follows a streaming answer unless the person has scrolled up to
 * read, remembers where each conversation was left, and jumps to a message a search result
 * pointed at, scrolling it into existence first.
 */
export function MessageList({ conversationId, messages, liveAnswers, retrying, canRetry, target, onRetry, onOpenSettings, empty }: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A search result decides where the list opens; otherwise where it was left, else the end.
  const [saved] = useState(() => (target ? undefined : recallScroll(conversationId)));
  const [opensAtEnd] = useState(!target && (saved?.following ?? true));
  const { following, isFollowing, onScroll, personHandlers, follow, unfollow, stick, wasPinnedAt } = useStickToBottom(scrollRef, opensAtEnd);
  const rowsRef = useRef<HTMLDivElement>(null);
  // Not following is not enough for "Jump to latest": a search hit in a short conversation leaves its end in view.
  const { endOutOfView, measureEnd } = useEndOutOfView(scrollRef, rowsRef, messages.length > 0);
  const onLogScroll = useCallback(() => {
    onScroll();
    measureEnd();
  }, [onScroll, measureEnd]);
  const notes = useMemo(() => modelNotes(messages), [messages]);
  const lastAnswerId = messages.findLast((message) => message.role === 'assistant')?.id;
  /** The target whose highlight has faded. */
  const [faded, setFaded] = useState<MessageTarget | null>(null);
  const highlightId = target && target !== faded ? target.messageId : null;
  /** A target message that should take focus once its row exists. */
  const pendingFocus = useRef<string | null>(null);
  /**
   * The target kept in view while the rows around it are measured (their heights replace the
   * estimates and push it away), until the person scrolls or its highlight fades.
   */
  const anchor = useRef<string | null>(null);
  const messagesRef = useLatest(messages);
  /** What a person does in the log: it releases the anchored target, and may stop following. */
  const personActions = useMemo(() => {
    const release = () => {
      anchor.current = null;
    };
    return {
      onWheel: (event: WheelEvent<HTMLDivElement>) => {
        release();
        personHandlers.onWheel(event);
      },
      onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
        release();
        personHandlers.onKeyDown(event);
      },
      onPointerDown: release,
      onTouchMove: release,
    };
  }, [personHandlers]);
  // Set once the window has been idle since the list opened: then rows beyond the view are rendered too.
  const [opened, setOpened] = useState(false);
  useEffect(() => whenIdle(() => setOpened(true)), []);
  /** Brings the anchored target back when rows measured around it pushed it out of view. */
  const bringBackAnchor = useCallback((list: Virtualizer<HTMLDivElement, Element>) => {
    const id = anchor.current;
    const box = scrollRef.current;
    const element = id === null ? null : document.getElementById(messageElementId(id));
    if (!box || !element || intersects(element.getBoundingClientRect(), box.getBoundingClientRect())) return;
    const index = messagesRef.current.findIndex((message) => message.id === id);
    if (index !== -1) list.scrollToIndex(index, { align: 'center' });
  }, [messagesRef]);
  /**
   * The list's height as last rendered or measured. The virtualizer also reports every scroll: only
   * a row measured to a new size, between renders, pins the end here (a render pins it itself).
   */
  const listHeight = useRef<number | null>(null);

  // The compiler's warning does not apply: Parley does not use React Compiler, and the
  // virtualizer is read fresh on every render and in effects only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    // A row measured taller (each chunk of a streaming answer) moves the rows below it and the
    // list's height in place, with no render of the list and no second layout and paint; the
    // list renders when which rows exist changes.
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    onChange: (instance) => {
      const height = instance.getTotalSize();
      if (height === listHeight.current) return;
      listHeight.current = height;
      stick();
      bringBackAnchor(instance);
    },
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeViewport,
    observeElementOffset: observeOffsetBesidesPins(wasPinnedAt),
    estimateSize: (index) => estimateHeight(messages[index]),
    getItemKey: (index) => messages[index]?.id ?? index,
    overscan: opened ? OVERSCAN : 0,
    paddingStart: PADDING_START_PX,
    paddingEnd: PADDING_END_PX,
    gap: GAP_PX,
    initialOffset: saved && !saved.following ? saved.offset : END_OFFSET,
    initialMeasurementsCache: saved?.measurements ?? [],
  });

  // After every render, and after the virtualizer's own layout effects, which set the list's new
  // height: pinned before them, the end would be the old height's, and no change would be reported.
  useLayoutEffect(() => {
    listHeight.current = virtualizer.getTotalSize();
    stick();
  });

  // The rows' box: observed for "Jump to latest", and its height is the virtualizer's to set.
  const rowsAndHeight = useCallback(
    (node: HTMLDivElement | null) => {
      rowsRef.current = node;
      virtualizer.containerRef(node);
    },
    [virtualizer],
  );

  useLayoutEffect(() => {
    // While following, the end is pinned after every render anyway; a correction for rows
    // measured above would only move the view before their new height is in the page.
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) =>
      !isFollowing() && item.end <= (instance.scrollOffset ?? 0) && instance.scrollDirection !== 'backward';
  }, [virtualizer, isFollowing]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    return () => {
      if (element) rememberScroll(conversationId, { offset: element.scrollTop, following: isFollowing(), measurements: virtualizer.measurementsCache });
    };
  }, [conversationId, virtualizer, isFollowing]);

  useEffect(() => {
    if (!target) return;
    const index = messagesRef.current.findIndex((message) => message.id === target.messageId);
    if (index === -1) return;
    // Reading an older message: a streaming answer must not pull the view away from it.
    unfollow();
    pendingFocus.current = target.messageId;
    anchor.current = target.messageId;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const timer = setTimeout(() => {
      anchor.current = null;
      setFaded(target);
    }, HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [target, virtualizer, unfollow, messagesRef]);

  useMatchHighlight(target);

  // After every render: rows rendered around the anchored target may have moved it.
  useEffect(() => bringBackAnchor(virtualizer));

  // After every render: the target's row may have just been rendered.
  useEffect(() => {
    const id = pendingFocus.current;
    const element = id === null ? null : document.getElementById(messageElementId(id));
    if (!element) return;
    element.focus({ preventScroll: true });
    pendingFocus.current = null;
  });

  const jumpToLatest = useCallback(() => {
    follow();
    // The button goes away: keep keyboard focus in the conversation.
    scrollRef.current?.focus({ preventScroll: true });
  }, [follow]);

  return (
    <div className="message-list-frame">
      <div ref={scrollRef} role="log" aria-label="Conversation" className="message-list" tabIndex={0} onScroll={onLogScroll} {...personActions}>
        {messages.length === 0 ? (
          empty
        ) : (
          <div ref={rowsAndHeight} className="message-rows">
            {virtualizer.getVirtualItems().map((item) => {
              const message = messages[item.index];
              if (!message) return null;
              return (
                <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="message-row">
                  <LiveMessageItem
                    live={liveAnswers}
                    message={message}
                    retrying={message.status === 'streaming' ? retrying : null}
                    canRetry={canRetry}
                    highlighted={message.id === highlightId}
                    searchWords={message.id === target?.messageId ? target.words : undefined}
                    modelNote={notes.get(message.id) ?? null}
                    isLastAnswer={message.id === lastAnswerId}
                    opensAtEnd={opensAtEnd && item.index === messages.length - 1}
                    onRetry={onRetry}
                    onOpenSettings={onOpenSettings}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
      {!following && endOutOfView && messages.length > 0 && <JumpToLatest onJump={jumpToLatest} />}
    </div>
  );
}

/** Whether any part of `element` shows in `view`. */
function intersects(element: DOMRect, view: DOMRect): boolean {
  return element.bottom > view.top && element.top < view.bottom;
}
