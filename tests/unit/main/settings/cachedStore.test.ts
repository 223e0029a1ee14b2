import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCachedStore } from '../../../../main/settings/cachedStore';
import { createConfStore } from '../../../../main/settings/createConfStore';
import { useTempDir } from '../history/support/tempHistory';

const tempDir = useTempDir();
let dataDir: string;
const configPath = () => join(dataDir, 'config.json');
const fileValues = () => JSON.parse(readFileSync(configPath(), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  dataDir = tempDir();
});

describe('a store file read once per key', () => {
  it('reads the file once: a later change on disk by someone else is not read again, what it writes is', () => {
    writeFileSync(configPath(), JSON.stringify({ settings: { theme: 'dark' } }));
    const store = createCachedStore(createConfStore(dataDir, 'config').store);
    expect(store.get('settings')).toEqual({ theme: 'dark' });
    writeFileSync(configPath(), JSON.stringify({ settings: { theme: 'light' } }));
    expect(store.get('settings')).toEqual({ theme: 'dark' });

    store.set('settings', { theme: 'system' });
    expect(store.get('settings')).toEqual({ theme: 'system' });
    expect(fileValues()).toEqual({ settings: { theme: 'system' } });

    store.delete('settings');
    expect(store.get('settings')).toBeUndefined();
    expect(fileValues()).toEqual({});
  });

  it('keeps copies: changing what was read or written changes nothing kept', () => {
    const store = createCachedStore(createConfStore(dataDir, 'config').store);
    const written = { list: ['a'] };
    store.set('endpoints', written);
    written.list.push('b');
    const read = store.get('endpoints') as { list: string[] };
    read.list.push('c');
    expect(store.get('endpoints')).toEqual({ list: ['a'] });
  });

  it('a write that fails leaves what is read as it was last written', () => {
    const store = createCachedStore(createConfStore(dataDir, 'config').store);
    store.set('settings', { theme: 'dark' });
    // A directory where the file was: the file cannot be replaced, even by root.
    rmSync(configPath());
    mkdirSync(configPath());
    expect(() => store.set('settings', { theme: 'light' })).toThrow();
    expect(store.get('settings')).toEqual({ theme: 'dark' });
  });
});
