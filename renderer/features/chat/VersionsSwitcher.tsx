import { useState } from 'react';
import { toAppError } from '../../lib/errors';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { useMessageActions } from './MessageActionsContext';

interface VersionsSwitcherProps {
  messageId: string;
  /** Every version at this branch point, itself included, oldest first. */
  siblings: readonly string[];
}

/**
 * `‹ 2 / 3 ›` at a branch point: shows another version of the message with the continuation
 * last shown after it (main switches the branch). Waits while an answer streams.
 */
export function VersionsSwitcher({ messageId, siblings }: VersionsSwitcherProps) {
  const { idle, showVersion } = useMessageActions();
  const [problem, setProblem] = useState<string | null>(null);
  const shown = siblings.indexOf(messageId);
  const show = (index: number) => {
    const target = siblings[index];
    if (target) showVersion(target).catch((error: unknown) => setProblem(`Could not show that version: ${toAppError(error).message}`));
  };
  return (
    <div className="versions" role="group" aria-label="Versions">
      <IconButton size="sm" icon={Icons.previous} label="Previous version" disabled={!idle || shown <= 0} onClick={() => show(shown - 1)} />
      <span className="versions-count" aria-label={`Version ${shown + 1} of ${siblings.length}`}>
        {shown + 1}/{siblings.length}
      </span>
      <IconButton size="sm" icon={Icons.next} label="Next version" disabled={!idle || shown === siblings.length - 1} onClick={() => show(shown + 1)} />
      {problem && (
        <p role="alert" className="message-action-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
