import { useEffect, useState } from 'react';

/** Long enough to notice and reach the button; the countdown waits while the pointer or focus is on the toast. */
const UNDO_MS = 8_000;

export interface Toast {
  /** A new id starts a new countdown. */
  id: number;
  message: string;
}

interface UndoToastProps {
  toast: Toast | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/** A polite live region that is always present, so screen readers announce the toast when it appears. */
export function UndoToast({ toast, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div role="status" className="toast-region">
      {toast && <ToastBody key={toast.id} message={toast.message} onUndo={onUndo} onDismiss={onDismiss} />}
    </div>
  );
}

function ToastBody({ message, onUndo, onDismiss }: { message: string; onUndo: () => void; onDismiss: () => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, UNDO_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss]);

  return (
    <div
      className="toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
