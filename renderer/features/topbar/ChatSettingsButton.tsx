import type { Ref } from 'react';
import { Icons } from '../../ui/icons';
import { useTooltip } from '../../ui/useTooltip';

interface ChatSettingsButtonProps {
  /** What is set ("System prompt · temperature 0.4"); empty when the conversation uses the defaults. */
  summary: string;
  /** Whether the summary text fits in the bar; else an accent dot says that something is set. */
  showSummary: boolean;
  open: boolean;
  onToggle: () => void;
  ref?: Ref<HTMLButtonElement>;
}

/** "Chat settings": opens the panel with the system prompt and parameters, and says what is set. */
export function ChatSettingsButton({ summary, showSummary, open, onToggle, ref }: ChatSettingsButtonProps) {
  const { triggerProps, tooltip } = useTooltip({ label: 'Chat settings', description: summary || undefined, placement: 'below' });
  const SettingsIcon = Icons.chatSettings;
  return (
    <>
      <button
        ref={ref}
        type="button"
        {...triggerProps}
        className={`chat-settings-button ${triggerProps.className}`}
        aria-label="Chat settings"
        aria-expanded={open}
        data-set={summary !== '' || undefined}
        onClick={onToggle}
      >
        <SettingsIcon aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
        {summary !== '' &&
          (showSummary ? (
            <span className="chat-settings-summary" aria-hidden="true">
              {summary}
            </span>
          ) : (
            <span className="chat-settings-dot" aria-hidden="true" />
          ))}
      </button>
      {tooltip}
    </>
  );
}
