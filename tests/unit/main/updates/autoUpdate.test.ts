import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, startAutoUpdates, type Updater, type Updates } from '../../../../main/updates/autoUpdate';

/** An updater that counts checks and lets the test say when a download finished. */
class FakeUpdater implements Updater {
  checks = 0;
  installs = 0;
  private downloaded: ((version: string) => void)[] = [];
  check = async () => {
    this.checks += 1;
  };
  install = () => {
    this.installs += 1;
  };
  onDownloaded = (listener: (version: string) => void) => void this.downloaded.push(listener);
  onError = () => undefined;
  finishDownload(version: string) {
    for (const listener of this.downloaded) listener(version);
  }
}

let updater: FakeUpdater;
let updates: Updates | null;
let enabled: boolean;
const loadUpdater = vi.fn(async () => updater);
const onReady = vi.fn();

function start(packaged = true) {
  updates = startAutoUpdates({ packaged, enabled: () => enabled, loadUpdater, onReady });
  return updates;
}

beforeEach(() => {
  vi.useFakeTimers();
  updater = new FakeUpdater();
  enabled = false;
  updates = null;
  loadUpdater.mockClear();
  onReady.mockClear();
});
afterEach(() => {
  updates?.stop();
  vi.useRealTimers();
});

describe('auto-update', () => {
  it('is off by default: the setting off, it never loads the updater or checks', async () => {
    start();
    await vi.advanceTimersByTimeAsync(3 * CHECK_INTERVAL_MS);
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(updater.checks).toBe(0);
  });

  it('never runs in development (not packaged), even when turned on', async () => {
    enabled = true;
    start(false);
    await vi.advanceTimersByTimeAsync(3 * CHECK_INTERVAL_MS);
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('turned on: checks shortly after start, then every interval', async () => {
    enabled = true;
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(3);
  });

  it('reads the setting at each check: turning it on later takes effect without a restart', async () => {
    start();
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    enabled = true;
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
  });

  it('a downloaded update: status ready, the page told once, no more checks, and install restarts', async () => {
    enabled = true;
    const running = start();
    expect(running.status()).toEqual({ ready: false });
    expect(running.install()).toBe(false);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    updater.finishDownload('1.2.3');
    expect(running.status()).toEqual({ ready: true, version: '1.2.3' });
    expect(onReady).toHaveBeenCalledExactlyOnceWith('1.2.3');
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(1);
    expect(running.install()).toBe(true);
    expect(updater.installs).toBe(1);
  });

  it('a failed check is logged and the next one still runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    enabled = true;
    updater.check = async () => {
      updater.checks += 1;
      throw new Error('offline');
    };
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS + CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(warn).toHaveBeenCalledWith('Update check failed:', 'offline');
    warn.mockRestore();
  });
});
