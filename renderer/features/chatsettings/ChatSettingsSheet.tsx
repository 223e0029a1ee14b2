import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import './chatSettingsSheet.css';

interface ChatSettingsSheetProps {
  systemPrompt: string;
  onSystemPromptChange: (systemPrompt: string) => void;
  /** The conversation's other setup controls (Parameters, Prompts). */
  tools: ReactNode;
  onClose: () => void;
}

/**
 * "Chat settings", opened from the top bar: the system prompt and the conversation's setup,
 * docked beside the conversation (a sheet over it in a narrow window), so none of it takes the
 * conversation's height. Non-modal: the conversation stays usable beside it; Escape or Close
 * puts focus back on the bar's button.
 */
export function ChatSettingsSheet({ systemPrompt, onSystemPromptChange, tools, onClose }: ChatSettingsSheetProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      className="chat-settings-sheet"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        // Closes the sheet only: Escape must not also stop an answer.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="chat-settings-head">
        <h2 id={`${id}-title`}>Chat settings</h2>
        <IconButton label="Close" icon={Icons.close} placement="below" onClick={onClose} />
      </div>
      <div className="field system-prompt">
        <label htmlFor={`${id}-system`}>System prompt</label>
        <textarea
          ref={field}
          id={`${id}-system`}
          rows={3}
          placeholder="You are a helpful assistant."
          value={systemPrompt}
          onChange={(event) => onSystemPromptChange(event.target.value)}
        />
      </div>
      {tools}
    </section>
  );
}
