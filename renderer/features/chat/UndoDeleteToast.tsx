import { Icons } from '../../ui/icons';

interface UndoDeleteToastProps {
  /** Why the delete failed, once history refused it. */
  problem: string | null;
  /** Brings the message back; null once it is deleted for good. */
  onUndo: (() => void) | null;
  onDismiss: () => void;
}

/** "Message deleted · Undo" above the composer for a few seconds, or why it could not be deleted. */
export function UndoDeleteToast({ problem, onUndo, onDismiss }: UndoDeleteToastProps) {
  return (
    <div className="thread-toast" role={problem ? 'alert' : 'status'}>
      {problem ?? 'Message deleted'}
      {onUndo ? (
        <button type="button" onClick={onUndo}>
          Undo
        </button>
      ) : (
        <button type="button" aria-label="Dismiss" onClick={onDismiss}>
          <Icons.close aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
        </button>
      )}
    </div>
  );
}
