/**
 * What a context menu was opened on, found from the element under the pointer or with focus:
 * a message in the conversation (a sidebar row opens its own menu). The menu offers the same
 * buttons the message shows, so it finds those buttons by name and presses them.
 */
export interface ContextTarget {
  id: string;
  focus: HTMLElement;
  scope: HTMLElement;
}

export function contextTargetOf(element: Element | null): ContextTarget | null {
  if (!element || element.closest('input, textarea, [contenteditable="true"]')) return null;
  const message = element.closest<HTMLElement>('[data-message-id]');
  if (message?.dataset.messageId) return { id: message.dataset.messageId, focus: message, scope: message };
  return null;
}

const nameOf = (button: HTMLButtonElement) => button.getAttribute('aria-label') ?? (button.title || button.textContent?.trim() || '');

/** The enabled button named `name` inside `scope`, if it shows one. */
export function buttonIn(scope: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...scope.querySelectorAll('button')].find((button) => !button.disabled && nameOf(button) === name);
}
