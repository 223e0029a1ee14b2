/**
 * The Electron side of fault logging. Main keeps running after an exception nobody caught; a
 * window whose renderer crashed is reloaded (the history lives in main, so nothing is lost); a
 * hung window can be reloaded by the user. Everything goes to the FaultLog, and once Parley has
 * recovered it says what happened and offers Show logs. Only the Electron objects it is given
 * are touched, so the built bundle can be checked against a stand-in Electron.
 */
import type { App, BrowserWindow, Dialog, MessageBoxOptions, Shell } from 'electron';
import type { FaultLog } from '../logging/faultLog';
import { showLogs } from '../logging/showLogs';

/** Past this many crashes in a minute the window is not reopened again: it would only loop. */
export const RELOADS_PER_MINUTE = 3;

export interface FaultRecoveryOptions {
  faults: FaultLog;
  app: Pick<App, 'isReady' | 'on'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openPath'>;
  dataDir: string;
  window: () => BrowserWindow | null;
}

export interface FaultRecovery {
  /** Main's uncaught exceptions and rejections, and helper processes that die. */
  watchProcess(proc: NodeJS.Process): void;
  /** The window's renderer: crashes, hangs and console errors and warnings. */
  watchWindow(window: BrowserWindow): void;
}

export function createFaultRecovery({ faults, app, dialog, shell, dataDir, window }: FaultRecoveryOptions): FaultRecovery {
  let offering = false;

  /** A message box about what happened, with Show logs; one at a time, never before the app is ready. */
  async function offerLogs(message: string, detail: string): Promise<void> {
    if (offering || !app.isReady()) return;
    offering = true;
    try {
      const { response } = await showBox({ type: 'warning', message, detail, buttons: ['Show logs', 'Close'], defaultId: 1, cancelId: 1, noLink: true });
      if (response === 0) await showLogs(shell, dataDir);
    } catch (error) {
      console.warn('Could not offer the logs:', error);
    } finally {
      offering = false;
    }
  }

  function showBox(options: MessageBoxOptions) {
    const parent = window();
    return parent && !parent.isDestroyed() ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  }

  return {
    watchProcess(proc) {
      let told = false;
      proc.on('uncaughtException', (error) => {
        faults.uncaughtException(error);
        // Once a run: a fault in a timer would otherwise ask again and again.
        if (told) return;
        told = true;
        void offerLogs('Something went wrong in Parley', 'Parley kept running. The log has the details.');
      });
      proc.on('unhandledRejection', (reason) => faults.unhandledRejection(reason));
      app.on('child-process-gone', (_event, details) => faults.childProcessGone(details));
    },

    watchWindow(win) {
      const contents = win.webContents;
      let crashes: number[] = [];
      let reloadAsked = false;
      let hang: AbortController | null = null;

      contents.on('render-process-gone', (_event, details) => {
        faults.rendererGone(details);
        if (details.reason === 'clean-exit' || win.isDestroyed()) return;
        const now = Date.now();
        crashes = [...crashes.filter((at) => now - at < 60_000), now];
        if (crashes.length > RELOADS_PER_MINUTE) {
          void offerLogs('Parley’s window keeps stopping', `Reason: ${details.reason}. Quit Parley and start it again; your conversations are saved.`);
          return;
        }
        const message = reloadAsked ? 'Parley’s window was reloaded' : 'Parley’s window stopped unexpectedly and was reopened';
        reloadAsked = false;
        contents.once('did-finish-load', () => void offerLogs(message, `Reason: ${details.reason} (exit code ${details.exitCode}). Your conversations are saved.`));
        contents.reload();
      });

      win.on('unresponsive', () => {
        faults.unresponsive();
        if (hang || !app.isReady()) return;
        const current = new AbortController();
        hang = current;
        showBox({ type: 'warning', message: 'Parley’s window is not responding', detail: 'You can wait, or reload the window. Your conversations are saved.', buttons: ['Keep waiting', 'Reload window'], defaultId: 0, cancelId: 0, noLink: true, signal: current.signal })
          .then(({ response }) => {
            if (response !== 1 || current.signal.aborted || win.isDestroyed()) return;
            // A hung renderer cannot run a reload: end it, and the crash path above reopens it.
            reloadAsked = true;
            contents.forcefullyCrashRenderer();
          })
          .catch((error: unknown) => console.warn('Could not ask about the hung window:', error))
          .finally(() => {
            if (hang === current) hang = null;
          });
      });
      win.on('responsive', () => {
        faults.responsive();
        hang?.abort();
      });

      contents.on('console-message', (details) => faults.pageConsole(details));
    },
  };
}
