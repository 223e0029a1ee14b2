/**
 * When Parley looks for updates, as plain logic over an `Updater` port (electron-updater in the
 * app, a fake in tests). Never in development or web mode (not packaged: there is nothing to
 * replace), never unless the user turned "Check for updates automatically" on; then a little
 * after start and every few hours. The setting is read at each check, so turning it on or off
 * takes effect without a restart.
 */
import type { UpdateStatus } from '../../shared/ipc';

/** The part of electron-updater Parley uses. */
export interface Updater {
  /** Looks for a newer release and downloads it in the background. */
  check(): Promise<unknown>;
  /** Quits and installs the downloaded update. */
  install(): void;
  onDownloaded(listener: (version: string) => void): void;
  onError(listener: (error: Error) => void): void;
}

export const FIRST_CHECK_DELAY_MS = 15_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface AutoUpdateOptions {
  packaged: boolean;
  enabled: () => boolean;
  /** Loaded at the first check, so the updater library is not even loaded while the setting is off. */
  loadUpdater: () => Promise<Updater>;
  /** Tells the page a restart would install `version`. */
  onReady: (version: string) => void;
}

export interface Updates {
  status(): UpdateStatus;
  /** Quits and installs; false when no update is waiting. */
  install(): boolean;
  stop(): void;
}

export function startAutoUpdates(options: AutoUpdateOptions): Updates {
  let status: UpdateStatus = { ready: false };
  let updater: Promise<Updater> | null = null;
  let ready: Updater | null = null;

  const warn = (error: unknown) => console.warn('Update check failed:', error instanceof Error ? error.message : error);

  function load(): Promise<Updater> {
    updater ??= options.loadUpdater().then((loaded) => {
      loaded.onError(warn);
      loaded.onDownloaded((version) => {
        status = { ready: true, version };
        ready = loaded;
        options.onReady(version);
      });
      return loaded;
    });
    return updater;
  }

  async function check(): Promise<void> {
    // Once one is downloaded there is nothing more to fetch until the restart.
    if (status.ready || !options.enabled()) return;
    await (await load()).check();
  }

  const run = () => void check().catch(warn);
  const first = options.packaged ? setTimeout(run, FIRST_CHECK_DELAY_MS) : undefined;
  const every = options.packaged ? setInterval(run, CHECK_INTERVAL_MS) : undefined;

  return {
    status: () => status,
    install() {
      if (!ready) return false;
      ready.install();
      return true;
    },
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
