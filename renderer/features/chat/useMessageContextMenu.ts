import { useCallback, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ContextMenuItem } from '../../components/ContextMenu';
import { buttonIn, contextTargetOf, type ContextTarget } from './contextTargets';

export interface OpenMenu {
  label: string;
  items: ContextMenuItem[];
  at: { x: number; y: number };
}

interface MenuActions {
  /** The message's text as stored (Markdown for answers). */
  messageText: (id: string) => string | undefined;
  copy: (text: string) => void;
}

/** What the message's own buttons offer, mirrored in its menu when it shows them. */
const MESSAGE_ACTIONS = ['Regenerate', 'Edit', 'Delete'];

function itemsFor(target: ContextTarget, actions: MenuActions): ContextMenuItem[] {
  const press = (name: string): ContextMenuItem[] => {
    const button = buttonIn(target.scope, name);
    return button ? [{ label: name, onSelect: () => button.click() }] : [];
  };
  const text = actions.messageText(target.id);
  const copy = buttonIn(target.scope, 'Copy');
  return [
    ...(copy ? press('Copy') : text ? [{ label: 'Copy', onSelect: () => actions.copy(text) }] : []),
    ...MESSAGE_ACTIONS.flatMap(press),
  ];
}

/**
 * Context menus for messages, opened by right-click, the ContextMenu key or Shift+F10, from
 * handlers on the workspace: the messages need no wiring of their own. (A conversation row's
 * menu is the sidebar's.)
 */
export function useMessageContextMenu(actions: MenuActions) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const close = useCallback(() => setMenu(null), []);

  const open = (target: ContextTarget, at: { x: number; y: number }) => {
    const items = itemsFor(target, actions);
    if (items.length === 0) return;
    // Focus goes back to the message when the menu closes.
    target.focus.focus({ preventScroll: true });
    setMenu({ label: 'Message actions', items, at });
  };

  const onContextMenu = (event: MouseEvent) => {
    const target = contextTargetOf(event.target as Element);
    if (!target) return;
    event.preventDefault();
    open(target, { x: event.clientX, y: event.clientY });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
    const target = contextTargetOf(event.target as Element);
    if (!target) return;
    // Handled here, so the browser does not follow with a contextmenu event of its own.
    event.preventDefault();
    const rect = target.focus.getBoundingClientRect();
    open(target, { x: rect.left + 16, y: Math.min(rect.bottom, rect.top + 32) });
  };

  return { menu, close, onContextMenu, onKeyDown };
}
