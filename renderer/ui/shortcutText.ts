/**
 * A shortcut as a tooltip shows it (`⌘B` on macOS, `Ctrl+B` elsewhere) and as assistive
 * technology reads it (`aria-keyshortcuts`: `Meta+B`, `Control+B`). A shortcut is either a
 * command key, pressed with Cmd/Ctrl, or a plain key that belongs to one place (Escape, Enter).
 */
import type { CommandKey } from '../../shared/appCommands';
import { formatCommandKey, isMacPlatform } from '../features/shortcuts/keys';

export type Shortcut = CommandKey | { plain: string };

const isPlain = (shortcut: Shortcut): shortcut is { plain: string } => 'plain' in shortcut;

/** What the tooltip shows. */
export function shortcutLabel(shortcut: Shortcut, mac: boolean = isMacPlatform()): string {
  return isPlain(shortcut) ? shortcut.plain : formatCommandKey(shortcut, mac);
}

/** The `aria-keyshortcuts` value (WAI-ARIA: modifiers by their KeyboardEvent.key names). */
export function ariaKeyShortcuts(shortcut: Shortcut, mac: boolean = isMacPlatform()): string {
  if (isPlain(shortcut)) return shortcut.plain;
  return [mac ? 'Meta' : 'Control', ...(shortcut.shift ? ['Shift'] : []), shortcut.key].join('+');
}
