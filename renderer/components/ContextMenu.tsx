import { Fragment, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Icon } from '../ui/icons';
import '../ui/menu.css';

export interface ContextMenuItem {
  label: string;
  onSelect: () => void;
  icon?: Icon;
  /** The key that does the same where the menu was opened (F2, Delete), shown at the end. */
  hint?: string;
  /** Destroys something: drawn in the danger colour, after a separator. */
  danger?: boolean;
}

interface ContextMenuProps {
  /** The menu's accessible name, e.g. "Conversation actions". */
  label: string;
  items: ContextMenuItem[];
  /** Where it opens, in viewport pixels; moved in if it would overflow. */
  at: { x: number; y: number };
  /** A line above the items that says something rather than does it (the top bar's totals). */
  header?: ReactNode;
  /** `end`: its right edge at `at.x` (a menu button at the end of a row or bar). */
  align?: 'start' | 'end';
  onClose: () => void;
}

/**
 * A context menu drawn by the page, so it works alike in Electron and web mode. It takes focus
 * on its first item; Up/Down/Home/End move, Enter or Space choose, Escape or Tab or a click
 * elsewhere close it, and focus goes back to where it was before the action runs.
 */
export function ContextMenu({ label, items, header, at, align = 'start', onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [place, setPlace] = useState(at);

  const restoreFocus = () => {
    if (opener.current?.isConnected) opener.current.focus({ preventScroll: true });
  };

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const { width, height } = menu.getBoundingClientRect();
    const x = align === 'end' ? at.x - width : at.x;
    setPlace({ x: Math.max(4, Math.min(x, window.innerWidth - width - 4)), y: Math.max(0, Math.min(at.y, window.innerHeight - height - 4)) });
    (menu.querySelector<HTMLElement>('[role="menuitem"]') ?? menu).focus();
    return () => {
      // Closed by a click elsewhere: leave focus where that click put it.
      if (menu.contains(document.activeElement) || document.activeElement === document.body) restoreFocus();
    };
  }, [at, align]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', onClose);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', onClose);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  function choose(item: ContextMenuItem) {
    // Focus first goes home, so an action that moves it (Rename, Delete) has the last word.
    restoreFocus();
    onClose();
    item.onSelect();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => buttons[(next + buttons.length) % buttons.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(buttons.length - 1);
        break;
      case 'Escape':
        // Stops here: Escape must not also stop a streaming answer.
        event.stopPropagation();
        restoreFocus();
        onClose();
        break;
      case 'Tab':
        restoreFocus();
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return createPortal(
    <div ref={ref} role="menu" aria-label={label} className="context-menu" tabIndex={-1} style={{ left: place.x, top: place.y }} onKeyDown={onKeyDown}>
      {header && <div className="context-menu-header">{header}</div>}
      {items.map(({ label: itemLabel, icon: ItemIcon, hint, danger }, index) => (
        <Fragment key={itemLabel}>
          {danger && index > 0 && <div role="separator" className="context-menu-separator" />}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="context-menu-item"
            data-tone={danger ? 'danger' : undefined}
            aria-keyshortcuts={hint}
            onClick={() => choose(items[index] as ContextMenuItem)}
          >
            {ItemIcon && <ItemIcon aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />}
            <span className="context-menu-label">{itemLabel}</span>
            {hint && (
              <kbd className="context-menu-hint" aria-hidden="true">
                {hint === 'Delete' ? 'Del' : hint}
              </kbd>
            )}
          </button>
        </Fragment>
      ))}
    </div>,
    document.body,
  );
}
