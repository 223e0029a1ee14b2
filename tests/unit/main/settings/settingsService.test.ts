import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import { AppFailure } from '../../../../main/appFailure';
import { createConfStore } from '../../../../main/settings/createConfStore';
import type { KeyValueStore } from '../../../../main/settings/keyValueStore';
import { openStoreFile } from '../../../../main/settings/openStoreFile';
import { createSettingsService } from '../../../../main/settings/settingsService';

let dataDir: string;
const configPath = () => join(dataDir, 'config.json');
const openService = () => createSettingsService(createConfStore(dataDir, 'config').store);

/** Runs `run` and returns the AppFailure it throws. */
function failureOf(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected an AppFailure');
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-settings-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('settings service', () => {
  it('gives the defaults on first run', () => {
    expect(openService().get()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps an update, normalised, after the app restarts', () => {
    const saved = openService().update({
      baseURL: '  https://example.com/v1///  ',
      project: '  team/project ',
      theme: 'dark',
    });
    const expected = { ...DEFAULT_SETTINGS, baseURL: 'https://example.com/v1', project: 'team/project', theme: 'dark' };
    expect(saved).toEqual(expected);
    expect(openService().get()).toEqual(expected);
  });

  it('rejects an invalid patch and leaves the saved settings alone', () => {
    const service = openService();
    service.update({ theme: 'light' });

    const badURL = failureOf(() => service.update({ baseURL: 'ftp://example.com' }));
    expect(badURL.appError.code).toBe('invalid-request');
    expect(badURL.appError.message).toMatch(/baseURL: must be an http\(s\) URL/);
    expect(failureOf(() => service.update({ colour: 'red' } as never)).appError.code).toBe('invalid-request');
    expect(failureOf(() => service.update({ theme: 'neon' } as never)).appError.code).toBe('invalid-request');

    expect(openService().get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });

  it('falls back field by field when the file was edited by hand', () => {
    writeFileSync(configPath(), JSON.stringify({ settings: { baseURL: 42, theme: 'purple', project: 'team/p' } }));
    const service = openService();
    expect(service.get()).toEqual({ ...DEFAULT_SETTINGS, project: 'team/p' });
    // The next update writes a clean file.
    service.update({ defaultModel: 'm' });
    expect(JSON.parse(readFileSync(configPath(), 'utf8')).settings).toEqual({
      ...DEFAULT_SETTINGS,
      project: 'team/p',
      defaultModel: 'm',
    });
  });

  it('reads its store once; an update through one service is what every service on that store gives', () => {
    const { store } = createConfStore(dataDir, 'config');
    let reads = 0;
    const counted: KeyValueStore = {
      get: (key) => (reads++, store.get(key)),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
    };
    const first = createSettingsService(counted);
    const second = createSettingsService(counted);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    expect(second.get()).toEqual(DEFAULT_SETTINGS);
    expect(reads).toBe(1);
    first.update({ theme: 'dark', favouriteModels: ['a/b'] });
    expect(second.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', favouriteModels: ['a/b'] });
    expect(reads).toBe(1);
    // The file holds it too: the next start reads it.
    expect(openService().get().theme).toBe('dark');
  });

  it('hands every caller settings no caller can change, and leaves the defaults as they are', () => {
    const settings = openService().get();
    expect(() => {
      (settings as { theme: string }).theme = 'dark';
    }).toThrow(TypeError);
    expect(() => (settings.favouriteModels as string[]).push('a/b')).toThrow(TypeError);
    expect(Object.isFrozen(DEFAULT_SETTINGS.favouriteModels)).toBe(false);
    expect(openService().get()).toEqual(DEFAULT_SETTINGS);
  });

  it('gives the defaults when the settings entry is not an object', () => {
    writeFileSync(configPath(), JSON.stringify({ settings: 'oops' }));
    expect(openService().get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('a damaged settings file', () => {
  const damaged = '{"settings": {"theme": "dark",';

  it('is moved aside with a timestamp, the user is told, and the app starts with defaults', () => {
    writeFileSync(configPath(), damaged);
    const { store, notice } = createConfStore(dataDir, 'config');

    const moved = readdirSync(dataDir).filter((name) => name !== 'config.json');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(/^config\.corrupt-\d{8}-\d{6}\.json$/);
    expect(readFileSync(join(dataDir, moved[0] ?? ''), 'utf8')).toBe(damaged);
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain(join(dataDir, moved[0] ?? ''));
    expect(createSettingsService(store).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('is named by the local time and never overwrites an earlier copy', () => {
    const now = () => new Date(2025, 0, 2, 3, 4, 5);
    const open = () => new Conf({ cwd: dataDir, configName: 'config' });
    writeFileSync(configPath(), damaged);
    openStoreFile(configPath(), open, now);
    writeFileSync(configPath(), '');
    const second = openStoreFile(configPath(), open, now);

    expect(readdirSync(dataDir).sort()).toEqual([
      'config.corrupt-20250102-030405-2.json',
      'config.corrupt-20250102-030405.json',
    ]);
    expect(readFileSync(join(dataDir, 'config.corrupt-20250102-030405.json'), 'utf8')).toBe(damaged);
    expect(second.notice?.message).toContain('config.corrupt-20250102-030405-2.json');
  });

  it('is left in place when opening fails for another reason', () => {
    writeFileSync(configPath(), damaged);
    const failure = new Error('EACCES: permission denied');
    expect(() =>
      openStoreFile(configPath(), () => {
        throw failure;
      }),
    ).toThrow(failure);
    expect(readdirSync(dataDir)).toEqual(['config.json']);
  });
});
