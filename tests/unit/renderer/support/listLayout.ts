/**
 * jsdom lays nothing out, so every element is 0 px tall and a virtualized list would show
 * no rows. This gives the conversation list's scroll box a height, as a window would.
 */
import { afterEach, beforeEach } from 'vitest';

export function giveConversationListHeight(px = 600) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('conversation-scroll') ? px : 0;
      },
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });
}
