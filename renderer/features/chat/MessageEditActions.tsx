import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMessageActions } from './MessageActionsContext';

interface MessageEditActionsProps {
  messageId: string;
  initial: string;
  /** Called after "Save and send" or "Cancel": the message shows as text again. */
  onDone: () => void;
}

/** A question turned into a form: "Save and send" answers the new text, "Cancel" leaves everything as it was. */
export function MessageEditActions({ messageId, initial, onDone }: MessageEditActionsProps) {
  const id = useId();
  const { edit } = useMessageActions();
  const [draft, setDraft] = useState(initial);
  const canSave = draft.trim() !== '' && draft !== initial;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!canSave) return;
    edit(messageId, draft);
    onDone();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // Used here: the window's Escape (stop the answer) must not see it too.
    event.preventDefault();
    onDone();
  }

  return (
    <form className="message-editor" onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-edit`} className="visually-hidden">
        Edit message
      </label>
      {/* The person asked to edit: the box takes the focus at once. */}
      <textarea id={`${id}-edit`} autoFocus value={draft} onChange={(event) => setDraft(event.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!canSave}>
          Save and send
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
