import { memo, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

interface ComposerProps {
  hasModel: boolean;
  streaming: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  /**
   * Up in an empty composer: edit the last message. Returns text to edit here, or null when
   * the editing happens elsewhere (or there is nothing to edit).
   */
  onEditLast: () => string | null;
  /** "Compare": opens Compare with the draft; `replaceDraft` puts text (or nothing) back in the box. */
  onCompare?: (draft: string, replaceDraft: (text: string) => void) => void;
}

/**
 * The message box. The draft lives in the textarea itself, uncontrolled: React re-renders the
 * composer only when the box turns empty or not, and never copies the text. A controlled
 * textarea also rewrites its default value, a second copy of a 1 MB paste, on every keystroke.
 * Memoized, so a streaming answer does not re-render it either. The textarea grows with its
 * text through CSS (field-sizing).
 */
export const Composer = memo(function Composer({ hasModel, streaming, onSend, onStop, onEditLast, onCompare }: ComposerProps) {
  const id = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [hasText, setHasText] = useState(false);
  const canSend = hasModel && !streaming && hasText;

  function setDraft(text: string) {
    if (inputRef.current) inputRef.current.value = text;
    setHasText(text.trim() !== '');
  }

  function send() {
    const draft = inputRef.current?.value ?? '';
    if (!canSend || draft.trim() === '') return;
    onSend(draft);
    setDraft('');
    // After a click on Send, the next message is typed straight away.
    inputRef.current?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter while an input method composes a character belongs to the IME.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
      return;
    }
    // As in terminals and other chat apps; only an empty box, so Up still moves through a draft.
    const empty = event.currentTarget.value === '';
    if (event.key === 'ArrowUp' && empty && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const text = onEditLast();
      if (text === null) return;
      event.preventDefault();
      setDraft(text);
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={`${id}-message`} className="visually-hidden">
        Message
      </label>
      <textarea
        ref={inputRef}
        id={`${id}-message`}
        className="composer-input"
        rows={1}
        placeholder={hasModel ? 'Message (Enter to send, Shift+Enter for a new line)' : 'Choose a model to start'}
        // trim() looks at the ends only: cheap at any length.
        onChange={(event) => setHasText(event.target.value.trim() !== '')}
        onKeyDown={onKeyDown}
      />
      {streaming && (
        <button type="button" className="danger" onClick={onStop} aria-keyshortcuts="Escape">
          Stop
        </button>
      )}
      {onCompare && (
        <button type="button" disabled={streaming} onClick={() => onCompare(inputRef.current?.value ?? '', setDraft)}>
          Compare
        </button>
      )}
      <button type="submit" className="primary" disabled={!canSend}>
        Send
      </button>
    </form>
  );
});
