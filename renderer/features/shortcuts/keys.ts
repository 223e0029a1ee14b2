/**
 * Which command a key press means, and how a shortcut is written for this platform:
 * Cmd on macOS (shown as ⌘), Ctrl elsewhere.
 */
import { COMMAND_KEYS, type AppCommand, type CommandKey } from '../../../shared/appCommands';

export const isMacPlatform = (platform: string = navigator.platform): boolean => /^(Mac|iPhone|iPad)/.test(platform);

type KeyPress = Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>;

const sameKey = (pressed: string, wanted: string | undefined) => wanted !== undefined && pressed.toLowerCase() === wanted.toLowerCase();

export function commandForKey(event: KeyPress, mac: boolean): AppCommand | null {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!primary || event.altKey) return null;
  for (const [command, keys] of Object.entries(COMMAND_KEYS) as [AppCommand, CommandKey][]) {
    // The alias is what the same key gives with Shift (`?` for `/`), so Shift does not matter for it.
    if (sameKey(event.key, keys.alias)) return command;
    if (sameKey(event.key, keys.key) && event.shiftKey === (keys.shift ?? false)) return command;
  }
  return null;
}

/** `⇧⌘E` on macOS, `Ctrl+Shift+E` elsewhere. */
export function formatCommandKey(keys: CommandKey, mac: boolean): string {
  if (mac) return `${keys.shift ? '⇧' : ''}⌘${keys.key}`;
  return `Ctrl+${keys.shift ? 'Shift+' : ''}${keys.key}`;
}
