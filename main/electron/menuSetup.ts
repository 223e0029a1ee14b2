/** The Electron side of the menu: installs the template and delivers its commands to the window. */
import type { BrowserWindow, Menu as ElectronMenu, Shell } from 'electron';
import { APP_COMMAND_CHANNEL, appCommandSchema, type AppCommand } from '../../shared/ipc';
import { showLogs } from '../logging/showLogs';
import { buildMenuTemplate } from './menu';

/** Pushes a command to the page; dropped when there is no window to receive it. */
export function sendAppCommand(window: BrowserWindow | null, command: AppCommand): void {
  if (!window || window.isDestroyed()) return;
  window.webContents.send(APP_COMMAND_CHANNEL, appCommandSchema.parse(command));
}

export function installApplicationMenu(options: {
  Menu: typeof ElectronMenu;
  shell: Pick<Shell, 'openPath'>;
  appName: string;
  dataDir: string;
  development: boolean;
  window: () => BrowserWindow | null;
}): void {
  const template = buildMenuTemplate(
    process.platform,
    {
      command: (command) => sendAppCommand(options.window(), command),
      showLogs: () => {
        showLogs(options.shell, options.dataDir).then(
          (failure) => failure && console.warn('Could not show the logs folder:', failure),
          (error: unknown) => console.warn('Could not show the logs folder:', error),
        );
      },
    },
    { appName: options.appName, development: options.development },
  );
  options.Menu.setApplicationMenu(options.Menu.buildFromTemplate(template));
}
