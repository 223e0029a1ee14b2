import type { ConversationSummary } from '../../../shared/ipc';
import type { ContextMenuItem } from '../../components/ContextMenu';
import { Icons } from '../../ui/icons';

export interface ConversationMenuActions {
  rename: () => void;
  togglePin: () => void;
  exportFile: () => void;
  copyMarkdown: () => void;
  remove: () => void;
}

/**
 * A conversation's "Conversation actions" menu, the same from its More button, a right-click
 * and Shift+F10. Delete acts at once: the sidebar's toast offers Undo.
 */
export function conversationMenuItems(summary: ConversationSummary, actions: ConversationMenuActions): ContextMenuItem[] {
  return [
    { label: 'Rename', icon: Icons.rename, hint: 'F2', onSelect: actions.rename },
    summary.pinned
      ? { label: 'Unpin', icon: Icons.unpin, onSelect: actions.togglePin }
      : { label: 'Pin', icon: Icons.pin, onSelect: actions.togglePin },
    { label: 'Export as Markdown', icon: Icons.export, onSelect: actions.exportFile },
    { label: 'Copy as Markdown', icon: Icons.copy, onSelect: actions.copyMarkdown },
    { label: 'Delete', icon: Icons.delete, hint: 'Delete', danger: true, onSelect: actions.remove },
  ];
}
