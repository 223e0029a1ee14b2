import type { KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../shared/ipc';
import { IconButton } from '../../components/IconButton';
import { RenameField } from './RenameField';
import { UNTITLED } from './untitled';

export interface RowActions {
  onOpen: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, summary: ConversationSummary) => void;
  onFocus: (id: string) => void;
  onRenameStart: (id: string) => void;
  onRenameEnd: (summary: ConversationSummary, title: string | null) => void;
  onTogglePin: (summary: ConversationSummary) => void;
  onDelete: (summary: ConversationSummary) => void;
  onToggleSelect: (id: string) => void;
}

interface ConversationRowProps {
  summary: ConversationSummary;
  open: boolean;
  /** The one row whose controls are in the Tab order (roving tabindex). */
  tabbable: boolean;
  editing: boolean;
  /** Whether the row is ticked, in selection mode; undefined outside it. */
  selected: boolean | undefined;
  actions: RowActions;
}

/** One conversation in the sidebar: a button that opens it, its Rename, Pin and Delete buttons, and a checkbox in selection mode. */
export function ConversationRow({ summary, open, tabbable, editing, selected, actions }: ConversationRowProps) {
  const name = summary.title || UNTITLED;
  const tabIndex = tabbable ? 0 : -1;

  if (editing) {
    return (
      <div className="conversation-row editing">
        <RenameField title={summary.title} onDone={(title) => actions.onRenameEnd(summary, title)} />
      </div>
    );
  }
  return (
    <div className={open ? 'conversation-row open' : 'conversation-row'}>
      {selected !== undefined && (
        <input
          type="checkbox"
          className="row-select"
          aria-label={`Select ${name}`}
          checked={selected}
          tabIndex={tabIndex}
          onChange={() => actions.onToggleSelect(summary.id)}
        />
      )}
      <button
        type="button"
        className="conversation-button"
        data-conversation-id={summary.id}
        aria-current={open ? 'page' : undefined}
        tabIndex={tabIndex}
        title={name}
        onClick={() => actions.onOpen(summary.id)}
        onKeyDown={(event) => actions.onKeyDown(event, summary)}
        onFocus={() => actions.onFocus(summary.id)}
      >
        {name}
      </button>
      <span className="row-actions">
        <IconButton label="Rename" icon="✎" tabIndex={tabIndex} onClick={() => actions.onRenameStart(summary.id)} />
        <IconButton label={summary.pinned ? 'Unpin' : 'Pin'} icon={summary.pinned ? '★' : '☆'} tabIndex={tabIndex} onClick={() => actions.onTogglePin(summary)} />
        <IconButton label="Delete" icon="✕" tabIndex={tabIndex} onClick={() => actions.onDelete(summary)} />
      </span>
    </div>
  );
}
