/**
 * The app's commands: what the native menu sends to the page (`app:command`), and the keys
 * that trigger the same command in the page. One table, so the menu shows the keys the page
 * really handles, in Electron and in web mode alike.
 */
export const APP_COMMAND_CHANNEL = 'app:command';

export const APP_COMMANDS = [
  'new-chat',
  'search',
  'export',
  'settings',
  'shortcuts',
  'back-up',
  'import',
  'previous-conversation',
  'next-conversation',
  'toggle-sidebar',
  /** Not a menu item: main says an update has been downloaded. */
  'update-ready',
  'usage',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const isAppCommand = (value: unknown): value is AppCommand => (APP_COMMANDS as readonly unknown[]).includes(value);

/** A command's key, always pressed with Cmd (macOS) or Ctrl (elsewhere). */
export interface CommandKey {
  key: string;
  shift?: boolean;
  /** Another key that does the same, e.g. `?` for `/`; handled, never shown. */
  alias?: string;
}

export const COMMAND_KEYS: Partial<Record<AppCommand, CommandKey>> = {
  'new-chat': { key: 'N' },
  search: { key: 'K' },
  settings: { key: ',' },
  export: { key: 'E', shift: true },
  'previous-conversation': { key: '[' },
  'next-conversation': { key: ']' },
  'toggle-sidebar': { key: 'B' },
  shortcuts: { key: '/', alias: '?' },
};

/** Electron's accelerator string for a command's key, e.g. `CmdOrCtrl+Shift+E`. */
export function acceleratorOf(command: AppCommand): string | undefined {
  const keys = COMMAND_KEYS[command];
  return keys && `CmdOrCtrl+${keys.shift ? 'Shift+' : ''}${keys.key}`;
}
