/**
 * What a context menu was opened on, found from the element under the pointer or with focus:
 * a conversation row in the sidebar or a message in the conversation. The menus offer the
 * same buttons the row or message shows, so they find those buttons by name and press them.
 */
export type ContextTarget =
  | { kind: 'conversation'; id: string; focus: HTMLElement; scope: HTMLElement }
  | { kind: 'message'; id: string; focus: HTMLElement; scope: HTMLElement };

export function contextTargetOf(element: Element | null): ContextTarget | null {
  if (!element || element.closest('input, textarea, [contenteditable="true"]')) return null;
  const row = element.closest<HTMLElement>('.conversation-row');
  const opener = row?.querySelector<HTMLElement>('[data-conversation-id]');
  if (row && opener?.dataset.conversationId) return { kind: 'conversation', id: opener.dataset.conversationId, focus: opener, scope: row };
  const message = element.closest<HTMLElement>('[data-message-id]');
  if (message?.dataset.messageId) return { kind: 'message', id: message.dataset.messageId, focus: message, scope: message };
  return null;
}

const nameOf = (button: HTMLButtonElement) => button.getAttribute('aria-label') ?? (button.title || button.textContent?.trim() || '');

/** The enabled button named `name` inside `scope`, if it shows one. */
export function buttonIn(scope: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...scope.querySelectorAll('button')].find((button) => !button.disabled && nameOf(button) === name);
}
