import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadWindowBounds, saveWindowBounds } from '../../../../main/electron/windowState';
import { createConfStore } from '../../../../main/settings/createConfStore';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-window-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('window size and place', () => {
  it('comes back as it was left, across a restart', () => {
    saveWindowBounds(createConfStore(dir, 'config').store, { x: 100, y: 80, width: 900, height: 700, maximized: false });
    expect(loadWindowBounds(createConfStore(dir, 'config').store, [screen])).toEqual({ x: 100, y: 80, width: 900, height: 700, maximized: false });
  });

  it('keeps the size but not the place when that display is gone', () => {
    const { store } = createConfStore(dir, 'config');
    saveWindowBounds(store, { x: 2500, y: 100, width: 900, height: 700 });
    expect(loadWindowBounds(store, [screen])).toEqual({ width: 900, height: 700 });
  });

  it('falls back to the default for a first run or hand-edited nonsense', () => {
    const { store } = createConfStore(dir, 'config');
    expect(loadWindowBounds(store, [screen])).toEqual(DEFAULT_BOUNDS);
    store.set('windowBounds', { width: 'wide', height: 10 });
    expect(loadWindowBounds(store, [screen])).toEqual(DEFAULT_BOUNDS);
  });
});
