import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataDirOverride } from '../../../../main/electron/dataDirOverride';

describe('--data-dir', () => {
  it('takes the flag first, then PARLEY_DATA_DIR, else none', () => {
    expect(readDataDirOverride(['electron', '.', '--data-dir=/tmp/a'], { PARLEY_DATA_DIR: '/tmp/b' })).toBe(path.resolve('/tmp/a'));
    expect(readDataDirOverride(['electron', '.'], { PARLEY_DATA_DIR: 'rel/b' })).toBe(path.resolve('rel/b'));
    expect(readDataDirOverride(['electron', '.'], {})).toBeNull();
  });
});
