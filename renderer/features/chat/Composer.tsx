import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

interface ComposerProps {
  hasModel: boolean;
  streaming: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/**
 * The message box. Its draft lives here, so typing re-renders only the composer and
 * never the conversation. The textarea grows with its text through CSS (field-sizing).
 */
export function Composer({ hasModel, streaming, onSend, onStop }: ComposerProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const canSend = hasModel && !streaming && draft.trim() !== '';

  function send() {
    if (!canSend) return;
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
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {streaming && (
        <button type="button" className="danger" onClick={onStop} aria-keyshortcuts="Escape">
          Stop
        </button>
      )}
      <button type="submit" className="primary" disabled={!canSend}>
        Send
      </button>
    </form>
  );
}
