import { describe, expect, it } from 'vitest';
import { setWithin } from '../../../shared/boundedMap';

describe('a map kept within a limit', () => {
  it('lets the oldest entries go past the limit, and a key set again becomes the newest', () => {
    const map = new Map<string, number>();
    for (const [n, key] of ['a', 'b', 'c'].entries()) setWithin(map, key, n, 3);
    setWithin(map, 'a', 10, 3);
    setWithin(map, 'd', 3, 3);
    expect([...map]).toEqual([
      ['c', 2],
      ['a', 10],
      ['d', 3],
    ]);
  });
});
