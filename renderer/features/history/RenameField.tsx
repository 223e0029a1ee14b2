import { useRef } from 'react';
import { LIMITS } from '../../../shared/limits';

interface RenameFieldProps {
  title: string;
  /** The new title, or null when the person cancelled. */
  onDone: (title: string | null) => void;
}

/** Renaming in place: Enter or leaving the field saves, Escape puts the old title back. */
export function RenameField({ title, onDone }: RenameFieldProps) {
  // Enter and Escape end the edit; the blur that follows when the field goes must not end it again.
  const ended = useRef(false);
  const end = (value: string | null) => {
    if (ended.current) return;
    ended.current = true;
    onDone(value);
  };

  return (
    <input
      className="rename-input"
      aria-label="Conversation title"
      defaultValue={title}
      maxLength={LIMITS.titleChars}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          end(event.currentTarget.value);
        } else if (event.key === 'Escape') {
          // Handled here: neither the search box nor the chat's "Escape stops" should react too.
          event.preventDefault();
          event.stopPropagation();
          end(null);
        }
      }}
      onBlur={(event) => end(event.currentTarget.value)}
    />
  );
}
