/**
 * The native application menu, as a plain template so it is tested without Electron.
 * Parley's own items show their shortcut but do not register it (`registerAccelerator: false`):
 * the page handles the keys itself, so they work the same in web mode, and a click sends the
 * page the same command the key would.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, type AppCommand } from '../../shared/appCommands';

export interface MenuActions {
  /** Hands a command to the page (the `app:command` push channel). */
  command(command: AppCommand): void;
  /** Opens the logs folder in the file manager: main's job, the page has no part in it. */
  showLogs(): void;
}

export interface MenuOptions {
  appName: string;
  /** Reload and developer tools only in development: a reload loses an answer being streamed. */
  development: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(platform: NodeJS.Platform, actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, command: AppCommand): MenuItemConstructorOptions => {
    const accelerator = acceleratorOf(command);
    return { label, click: () => actions.command(command), ...(accelerator ? { accelerator, registerAccelerator: false } : {}) };
  };
  const settings = item('Settings', 'settings');

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('New chat', 'new-chat'),
      separator,
      item('Export', 'export'),
      item('Back up', 'back-up'),
      item('Import…', 'import'),
      // On macOS Settings lives in the app menu; elsewhere in File, by convention.
      ...(mac ? [separator, { role: 'close' } as const] : [separator, settings, separator, { role: 'quit' } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      item('Search', 'search'),
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      item('Toggle sidebar', 'toggle-sidebar'),
      item('Previous conversation', 'previous-conversation'),
      item('Next conversation', 'next-conversation'),
      item('Usage', 'usage'),
      separator,
      ...(options.development ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [item('Keyboard shortcuts', 'shortcuts'), { label: 'Show logs', click: () => actions.showLogs() }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, { role: 'windowMenu' }, helpMenu];
}
