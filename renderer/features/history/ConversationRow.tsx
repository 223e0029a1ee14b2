import type { KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../shared/ipc';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { RenameField } from './RenameField';
import { UNTITLED } from './untitled';

export interface RowActions {
  onOpen: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, summary: ConversationSummary) => void;
  onFocus: (id: string) => void;
  /** Opens the row's "Conversation actions" menu under its More button. */
  onMenu: (summary: ConversationSummary, button: HTMLElement) => void;
  onRenameEnd: (summary: ConversationSummary, title: string | null) => void;
  onToggleSelect: (id: string) => void;
}

interface ConversationRowProps {
  summary: ConversationSummary;
  open: boolean;
  /** The one row whose controls are in the Tab order (roving tabindex). */
  tabbable: boolean;
  editing: boolean;
  /** This row's menu is open. */
  menuOpen: boolean;
  /** Whether the row is ticked, in selection mode; undefined outside it. */
  selected: boolean | undefined;
  actions: RowActions;
}

/**
 * One conversation in the sidebar: a button that opens it and a More button for its menu
 * (Rename, Pin, Export, Copy, Delete), always in the layout so the title's room never changes,
 * shown on hover, focus and the open row; a checkbox in selection mode.
 */
export function ConversationRow({ summary, open, tabbable, editing, menuOpen, selected, actions }: ConversationRowProps) {
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
    <div className="conversation-row" data-open={open || undefined} data-menu-open={menuOpen || undefined}>
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
      <IconButton
        className="row-more"
        label="Conversation actions"
        icon={Icons.more}
        size="sm"
        placement="below"
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={(event) => actions.onMenu(summary, event.currentTarget)}
      />
    </div>
  );
}
