// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import type { KeyboardEvent, WheelEvent } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePersonScrollingUp } from '../../../../renderer/features/chat/personScrolling';

/** A scroll box scrolled `scrollTop` down a 2,000 px text, and a 200 px reasoning text inside it with its own scrollbar. */
function boxWithInnerScroller(scrollTop: number, innerScrollTop: number) {
  const box = document.createElement('div');
  const inner = document.createElement('div');
  inner.style.overflowY = 'auto';
  const words = document.createElement('p');
  inner.append(words);
  box.append(inner);
  document.body.append(box);
  const layout = (element: HTMLElement, top: number, height: number) => {
    element.scrollTop = top;
    Object.defineProperty(element, 'scrollHeight', { value: height });
    Object.defineProperty(element, 'clientHeight', { value: 200 });
  };
  layout(box, scrollTop, 2_000);
  layout(inner, innerScrollTop, 600);
  return { box, words };
}

const wheel = (target: EventTarget, deltaY: number) => ({ target, deltaY, ctrlKey: false }) as unknown as WheelEvent;
const key = (target: EventTarget, name: string, shiftKey = false) => ({ target, key: name, shiftKey, altKey: false, ctrlKey: false, metaKey: false }) as unknown as KeyboardEvent;

afterEach(() => document.body.replaceChildren());

describe('usePersonScrollingUp', () => {
  function watch(box: HTMLElement) {
    let left = 0;
    const { result } = renderHook(() => usePersonScrollingUp({ current: box }, () => left++));
    return { handlers: () => result.current, left: () => left };
  }

  it('a wheel turned up over the box leaves its end; down, or a box at its top, does not', () => {
    const { box, words } = boxWithInnerScroller(800, 0);
    const { handlers, left } = watch(box);
    handlers().onWheel(wheel(words, 40));
    expect(left()).toBe(0);
    handlers().onWheel(wheel(words, -40));
    expect(left()).toBe(1);

    const top = boxWithInnerScroller(0, 0);
    const atTop = watch(top.box);
    atTop.handlers().onWheel(wheel(top.words, -40));
    expect(atTop.left()).toBe(0);
  });

  it('a wheel or key over a reasoning text that can still scroll up moves that text, not the box', () => {
    const { box, words } = boxWithInnerScroller(800, 150);
    const { handlers, left } = watch(box);
    handlers().onWheel(wheel(words, -40));
    handlers().onKeyDown(key(words, 'ArrowUp'));
    expect(left()).toBe(0);
  });

  it('up keys leave the end (Shift+Space is a page up); Space and down keys do not', () => {
    const { box } = boxWithInnerScroller(800, 0);
    const { handlers, left } = watch(box);
    for (const name of ['ArrowDown', 'PageDown', 'End', ' ']) handlers().onKeyDown(key(box, name));
    expect(left()).toBe(0);
    for (const name of ['ArrowUp', 'PageUp', 'Home']) handlers().onKeyDown(key(box, name));
    handlers().onKeyDown(key(box, ' ', true));
    expect(left()).toBe(4);
  });
});
