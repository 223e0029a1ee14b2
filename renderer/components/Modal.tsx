import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import '../ui/dialog.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  role?: 'dialog' | 'alertdialog';
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog: the rest of the page is made inert while it is open, Tab cycles within
 * it, Escape closes it, and focus goes back where it came from. Focus starts on the
 * element marked `data-autofocus`, else the first focusable one.
 */
export function Modal({ role = 'dialog', labelledBy, describedBy, onClose, className, children }: ModalProps) {
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const panel = panelRef.current;
    const overlay = panel?.parentElement;
    if (!panel || !overlay) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    // Inert what is not already inert, so nested dialogs undo only their own part.
    const madeInert = [...document.body.children].filter(
      (element): element is HTMLElement => element !== overlay && element instanceof HTMLElement && !element.inert,
    );
    for (const element of madeInert) element.inert = true;

    const first = panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? panel).focus();

    return () => {
      for (const element of madeInert) element.inert = false;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // A nested dialog has already dealt with this key.
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      // Handled here: neither an outer dialog nor the chat's "Escape stops" should react too.
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const focusable = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="modal-overlay">
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={className ? `modal ${className}` : 'modal'}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
