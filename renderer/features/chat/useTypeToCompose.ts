import { useEffect, type RefObject } from 'react';
import type { ComposerHandle } from './Composer';

/** Where typed keys already mean something: fields, and anything inside a dialog or a menu. */
const TAKES_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], dialog';

/**
 * Typing anywhere goes to the composer: a printable key without Ctrl/⌘/Alt, pressed while focus
 * is on the page, a message or a row, moves focus into the message box before the key lands,
 * so the character appears there.
 */
export function useTypeToCompose(composer: RefObject<ComposerHandle | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length !== 1 || event.key === ' ') return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TAKES_KEYS)) return;
      // A modal dialog elsewhere in the page owns the keyboard.
      if (document.querySelector('[aria-modal="true"]')) return;
      composer.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [composer]);
}
