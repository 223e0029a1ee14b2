// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyContext } from '../../../../renderer/lib/ParleyContext';
import { createMessage, type Message } from '../../../../renderer/features/chat/conversationReducer';
import { MessageActionsContext, type MessageActions } from '../../../../renderer/features/chat/MessageActionsContext';
import { MessageList, type MessageTarget } from '../../../../renderer/features/chat/MessageList';
import { createLiveAnswers } from '../../../../renderer/features/chat/liveAnswers';
import { FOLLOW_PX, followsAfterScroll, useStickToBottom } from '../../../../renderer/features/chat/useStickToBottom';
import { ScriptedParley } from '../support/scriptedParley';

const VIEW_PX = 500;
const ROW_PX = 100;
/** A short message whose row is exactly as tall as the list first guesses: measuring it changes nothing. */
const AS_ESTIMATED = 'as estimated';
const AS_ESTIMATED_PX = 88;

/** jsdom lays nothing out: give the log a height, each row a height, and scrolling, as a window would. */
function giveTheLogLayout() {
  const names = ['clientHeight', 'scrollHeight', 'offsetHeight'] as const;
  const descriptors = names.map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const);
  const define = (name: (typeof names)[number], get: (element: HTMLElement) => number) =>
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return get(this);
      },
    });
  beforeEach(() => {
    define('clientHeight', (element) => (element.classList.contains('message-list') ? VIEW_PX : 0));
    // The rows' box is as tall as the virtualizer says the whole list is.
    define('scrollHeight', (element) => (element.classList.contains('message-list') ? parseFloat((element.firstElementChild as HTMLElement | null)?.style.height ?? '0') || 0 : 0));
    define('offsetHeight', (element) => (element.classList.contains('message-row') ? (element.textContent?.includes(AS_ESTIMATED) ? AS_ESTIMATED_PX : ROW_PX) : 0));
    HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
      if (typeof options !== 'object' || options.top === undefined) return;
      this.scrollTop = Math.max(0, Math.min(options.top, this.scrollHeight - this.clientHeight));
      this.dispatchEvent(new Event('scroll'));
    } as typeof HTMLElement.prototype.scrollTo;
  });
  afterEach(() => {
    for (const [name, descriptor] of descriptors) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  });
}

function conversation(count: number, prefix: string): Message[] {
  return Array.from({ length: count }, (_, n) =>
    createMessage({ id: `${prefix}-${n}`, role: n % 2 ? 'assistant' : 'user', content: `${prefix} message ${n}`, model: 'm', createdAt: n }),
  );
}

const api = new ScriptedParley();
const noop = () => {};
const actions: MessageActions = { continuableId: null, idle: true, regenerate: noop, continueAnswer: noop, fork: null, edit: noop, showVersion: async () => {}, remove: async () => {}, params: {}, dropParamAndRetry: noop };

function listOf(conversationId: string, messages: Message[], target: MessageTarget | null = null) {
  return (
    <ParleyContext.Provider value={api.client}>
      <MessageActionsContext.Provider value={actions}>
        <MessageList key={conversationId} conversationId={conversationId} messages={messages} liveAnswers={createLiveAnswers()} retrying={null} canRetry target={target} onRetry={noop} onOpenSettings={noop} />
      </MessageActionsContext.Provider>
    </ParleyContext.Provider>
  );
}

function showList(conversationId: string, messages: Message[], target: MessageTarget | null = null) {
  return render(listOf(conversationId, messages, target));
}

const log = () => screen.getByRole('log', { name: 'Conversation' });
const jump = () => screen.queryByRole('button', { name: 'Jump to latest' });

function scrollTo(top: number) {
  log().scrollTop = top;
  fireEvent.scroll(log());
}

afterEach(cleanup);

describe('followsAfterScroll', () => {
  const at = (scrollTop: number) => ({ scrollTop, scrollHeight: 2_000, clientHeight: 500 });
  /** Last seen at `scrollTop`, the content then `scrollHeight` tall. */
  const seen = (scrollTop: number, scrollHeight = 2_000) => ({ scrollTop, scrollHeight });

  it('stops following when a scroll moves the view up over the same content (a scrollbar dragged, a screen reader)', () => {
    expect(followsAfterScroll(true, seen(1_500), at(1_200))).toBe(false);
    expect(followsAfterScroll(true, seen(1_500), at(1_480))).toBe(false);
  });

  it('keeps following while text grows below or the browser clamps a shrinking page', () => {
    // Content grew by 300 px: the position did not move, the end did.
    expect(followsAfterScroll(true, seen(1_200, 1_700), { scrollTop: 1_200, scrollHeight: 2_000, clientHeight: 500 })).toBe(true);
    // Content shrank: the browser moved the position up, still at the end.
    expect(followsAfterScroll(true, seen(1_600, 2_100), at(1_500))).toBe(true);
  });

  it('keeps following when the window grew taller and the text grew before the scroll was read', () => {
    // At the end of 2,000 px in a 500 px view; the view grows to 580 px, so the browser clamps
    // the position to 1,420; a formula typeset below adds 70 px before the scroll event is read.
    expect(followsAfterScroll(true, seen(1_500), { scrollTop: 1_420, scrollHeight: 2_070, clientHeight: 580 })).toBe(true);
  });

  it('keeps following when code shrank (the browser clamped the position) and a formula grew before the scroll was read', () => {
    // Seen at the end of 1,197 px in a 574 px view. Code highlighted 46 px smaller clamps the
    // position to 577; a formula typeset 70 px taller follows before the scroll event is read.
    expect(followsAfterScroll(true, seen(623, 1_197), { scrollTop: 577, scrollHeight: 1_221, clientHeight: 574 })).toBe(true);
  });

  it('resumes following once the person scrolls back near the end, and not before', () => {
    expect(followsAfterScroll(false, seen(1_000), at(1_200))).toBe(false);
    expect(followsAfterScroll(false, seen(1_200), at(1_500 - FOLLOW_PX))).toBe(true);
  });
});

describe('useStickToBottom', () => {
  it('pins the box to its end after each render until scrolled up, and follow() resumes', () => {
    const box = { scrollTop: 0, scrollHeight: 1_000, clientHeight: 400 };
    const { result, rerender } = renderHook(() => {
      const stuck = useStickToBottom({ current: box as unknown as HTMLElement }, true);
      // As its owner does, once the content's height is set.
      useLayoutEffect(stuck.stick);
      return stuck;
    });
    expect(box.scrollTop).toBe(1_000);

    box.scrollHeight = 1_600;
    rerender();
    expect(box.scrollTop).toBe(1_600);

    // The content changed height before the scroll was read: still following, back at the end.
    box.scrollTop = 1_150;
    box.scrollHeight = 1_650;
    act(() => result.current.onScroll());
    expect(result.current.following).toBe(true);
    expect(box.scrollTop).toBe(1_650);

    // Dragged up over the same content: it stops.
    box.scrollTop = 900;
    act(() => result.current.onScroll());
    expect(result.current.following).toBe(false);
    box.scrollHeight = 2_000;
    rerender();
    expect(box.scrollTop).toBe(900);

    act(() => result.current.follow());
    expect(result.current.following).toBe(true);
    expect(box.scrollTop).toBe(2_000);
  });

  it('tells the scroll a pin made from a person scrolling, for the list (a pin is not someone scrolling)', () => {
    const box = { scrollTop: 0, scrollHeight: 1_000, clientHeight: 400 };
    const { result } = renderHook(() => useStickToBottom({ current: box as unknown as HTMLElement }, true));
    // Nothing pinned yet: any scroll is a person's.
    expect(result.current.wasPinnedAt(0)).toBe(false);
    act(() => result.current.stick());
    expect(result.current.wasPinnedAt(1_000)).toBe(true);
    // The same pin's scroll, reported again (a zoomed window rounds it): still the pin's.
    expect(result.current.wasPinnedAt(1_000.5)).toBe(true);
    // A scroll elsewhere, then back to where the pin was: that one is a person's.
    expect(result.current.wasPinnedAt(700)).toBe(false);
    expect(result.current.wasPinnedAt(1_000)).toBe(false);
    box.scrollHeight = 1_300;
    act(() => result.current.stick());
    expect(result.current.wasPinnedAt(1_300)).toBe(true);
  });
});

describe('MessageList', () => {
  giveTheLogLayout();

  it('keeps the DOM to the rows in view, however long the conversation', () => {
    showList('long', conversation(1_000, 'long'));
    const rendered = screen.getAllByRole('article').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(15);
    // It opens at the end.
    expect(screen.getByText('long message 999')).toBeTruthy();
  });

  it('shows "Jump to latest" once scrolled up; clicking it goes to the end and follows again', () => {
    showList('a', conversation(40, 'a'));
    expect(log().scrollTop).toBe(log().scrollHeight);
    expect(jump()).toBeNull();

    scrollTo(1_000);
    const button = jump();
    expect(button).not.toBeNull();
    fireEvent.click(button as HTMLElement);
    expect(log().scrollTop).toBe(log().scrollHeight);
    expect(jump()).toBeNull();
    expect(document.activeElement).toBe(log());
  });

  it('an up key over the log stops following before its scroll is reported; the same key in a field inside it does not', () => {
    const messages = conversation(40, 'keys');
    const view = showList('keys', messages);
    const field = document.createElement('textarea');
    log().querySelector('article')?.append(field);
    // A render after each key (as a streaming answer's next chunk would): does it pull the view back to the end?
    const afterKeyIn = (target: HTMLElement, more: number) => {
      log().scrollTop = 1_000;
      fireEvent.keyDown(target, { key: 'PageUp' });
      view.rerender(listOf('keys', [...messages, ...conversation(more, 'more')]));
      return log().scrollTop;
    };
    expect(afterKeyIn(field, 1)).toBeGreaterThan(4_000);
    expect(afterKeyIn(log(), 2)).toBe(1_000);
  });

  it('a new message keeps the end in view even when its row is as tall as first guessed', () => {
    const messages = conversation(40, 'new');
    const view = showList('new', messages);
    const next = createMessage({ id: 'new-last', role: 'user', content: AS_ESTIMATED, model: 'm', createdAt: 40 });
    view.rerender(listOf('new', [...messages, next]));
    expect(log().scrollTop).toBe(log().scrollHeight);
  });

  it('keeps each conversation’s place: switching away and back restores it', () => {
    const a = conversation(40, 'a');
    const b = conversation(40, 'b');
    const first = showList('keep-a', a);
    scrollTo(1_234);
    first.unmount();

    // Conversation B was never scrolled: it opens at its end.
    const second = showList('keep-b', b);
    expect(log().scrollTop).toBe(log().scrollHeight);
    expect(jump()).toBeNull();
    second.unmount();

    showList('keep-a', a);
    expect(log().scrollTop).toBe(1_234);
    expect(jump()).not.toBeNull();
  });

  it('a conversation left at its end opens at its end, with what arrived since', () => {
    const messages = conversation(20, 'end');
    showList('end', messages).unmount();
    showList('end', [...messages, ...conversation(2, 'more')]);
    expect(log().scrollTop).toBe(log().scrollHeight);
    expect(jump()).toBeNull();
  });

  it('a search result opens at its message, focused, and the list stops following', async () => {
    const messages = conversation(1_000, 'deep');
    showList('deep', messages, { messageId: 'deep-150' });
    const article = await screen.findByText('deep message 150').then((text) => text.closest('article'));
    expect(document.activeElement).toBe(article);
    expect(article?.className).toContain('highlighted');
    expect(jump()).not.toBeNull();
  });
});
