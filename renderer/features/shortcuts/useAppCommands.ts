import { useEffect, useEffectEvent } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { AppCommand } from '../../../shared/appCommands';
import { commandForKey, isMacPlatform } from './keys';

/** While a dialog is open the page behind it is inert: its commands wait until it closes. */
const dialogOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/**
 * One handler for the app's commands, from the keyboard (both runtimes) and from the native
 * menu (Electron only; in web mode `onCommand` never fires). The menu shows the keys without
 * registering them, so a key press reaches the page once and is handled here.
 */
export function useAppCommands(api: ParleyApi, run: (command: AppCommand) => void): void {
  // Read as the key comes: the render that committed last, even before React's passive effects ran.
  const latest = useEffectEvent(run);

  useEffect(() => {
    const mac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen()) return;
      const command = commandForKey(event, mac);
      if (!command) return;
      // Also keeps the browser's own Ctrl+N, Ctrl+K… (web mode) from acting.
      event.preventDefault();
      latest(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = api.onCommand((command) => {
      if (!dialogOpen()) latest(command);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [api]);
}
