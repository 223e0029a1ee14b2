/** Every shortcut Parley has, as the "Keyboard shortcuts" sheet lists them. */
import { COMMAND_KEYS, type AppCommand } from '../../../shared/appCommands';
import { formatCommandKey } from './keys';

export interface ShortcutRow {
  action: string;
  keys: string;
}

const COMMAND_ACTIONS: [AppCommand, string][] = [
  ['new-chat', 'New chat'],
  ['search', 'Search conversations'],
  ['toggle-sidebar', 'Show or hide the sidebar'],
  ['previous-conversation', 'Previous conversation'],
  ['next-conversation', 'Next conversation'],
  ['export', 'Export the conversation as Markdown'],
  ['settings', 'Settings'],
  ['shortcuts', 'Keyboard shortcuts'],
];

/** Keys that belong to one place in the window rather than to a command. */
const PLAIN_KEYS: ShortcutRow[] = [
  { action: 'Send the message', keys: 'Enter' },
  { action: 'New line in the message', keys: 'Shift+Enter' },
  { action: 'Stop the answer', keys: 'Escape' },
  { action: 'Rename the conversation (in the list)', keys: 'F2' },
  { action: 'Delete the conversation (in the list)', keys: 'Delete' },
  { action: 'Actions for a conversation or message', keys: 'Shift+F10' },
];

export function shortcutRows(mac: boolean): ShortcutRow[] {
  const commands = COMMAND_ACTIONS.flatMap(([command, action]) => {
    const keys = COMMAND_KEYS[command];
    return keys ? [{ action, keys: formatCommandKey(keys, mac) }] : [];
  });
  return [...commands, ...PLAIN_KEYS];
}
