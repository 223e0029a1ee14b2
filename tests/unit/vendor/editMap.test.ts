/**
 * Parley's EditMap (vendor/micromark-util-edit-map, put in micromark's place by `overrides` in
 * package.json; issue 15): the same result as micromark's for any set of edits, while reading no
 * event before the first edit. micromark consumes an edit map at every lazy line that starts a new
 * block in a quote or list item, with edits near the end; rebuilding the whole list each time made
 * such answers cost the square of their length (100,000 characters: 9 to 37 s to parse).
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface Edit {
  index: number;
  remove: number;
  add: string[];
  before: boolean;
}

/** The edits applied one by one with splice, last index first (so earlier indexes stay put), merged as the map merges them. */
function spliced(events: readonly string[], edits: readonly Edit[]): string[] {
  const merged = new Map<number, { remove: number; add: string[] }>();
  for (const { index, remove, add, before } of edits) {
    if (remove === 0 && add.length === 0) continue;
    const at = merged.get(index) ?? { remove: 0, add: [] };
    merged.set(index, { remove: at.remove + remove, add: before ? [...add, ...at.add] : [...at.add, ...add] });
  }
  const result = [...events];
  for (const [index, { remove, add }] of [...merged].sort(([a], [b]) => b - a)) result.splice(index, remove, ...add);
  return result;
}

/** Events and edits that do not overlap (micromark's edits never remove what another edit touches). */
const eventsAndEdits = fc.integer({ min: 0, max: 40 }).chain((length) =>
  fc.record({
    events: fc.constant(Array.from({ length }, (_, index) => `e${index}`)),
    edits: fc.array(
      fc.record({
        index: fc.integer({ min: 0, max: length }),
        remove: fc.integer({ min: 0, max: 3 }),
        add: fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        before: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
  }).map(({ events, edits }) => {
    // Clip each removal so it ends before the next edited index and within the events.
    const indexes = [...new Set(edits.map((edit) => edit.index))].sort((a, b) => a - b);
    const room = (index: number) => (indexes.find((other) => other > index) ?? events.length) - index;
    const total = new Map<number, number>();
    const clipped = edits.map((edit) => {
      const remove = Math.min(edit.remove, room(edit.index) - (total.get(edit.index) ?? 0));
      total.set(edit.index, (total.get(edit.index) ?? 0) + remove);
      return { ...edit, remove };
    });
    return { events, edits: clipped };
  }),
);

describe('the EditMap micromark uses', () => {
  it('applies any edits as splicing them would', () => {
    fc.assert(
      fc.property(eventsAndEdits, ({ events, edits }) => {
        const map = new EditMap();
        for (const { index, remove, add, before } of edits) (before ? map.addBefore : map.add).call(map, index, remove, [...add]);
        const consumed = [...events];
        map.consume(consumed);
        expect(consumed).toEqual(spliced(events, edits));
        // Consumed edits are forgotten: a second consume changes nothing.
        map.consume(consumed);
        expect(consumed).toEqual(spliced(events, edits));
      }),
    );
  });

  it('reads no event before the first edit', () => {
    const events = Array.from({ length: 100_000 }, (_, index) => `e${index}`);
    const read = new Set<number>();
    const watched = new Proxy(events, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) read.add(Number(property));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const map = new EditMap();
    map.add(99_990, 2, ['x']);
    map.add(99_995, 0, ['y']);
    map.consume(watched);
    expect(Math.min(...read)).toBeGreaterThanOrEqual(99_990);
    expect(events.slice(99_988)).toEqual(['e99988', 'e99989', 'x', 'e99992', 'e99993', 'e99994', 'y', 'e99995', 'e99996', 'e99997', 'e99998', 'e99999']);
    expect(events).toHaveLength(100_000);
  });

  it('is the one micromark and its CommonMark constructs load', () => {
    const ours = realpathSync(fileURLToPath(new URL('../../../vendor/micromark-util-edit-map/index.js', import.meta.url)));
    for (const user of ['micromark', 'micromark-core-commonmark']) {
      const fromUser = createRequire(require.resolve(user));
      expect(realpathSync(fromUser.resolve('micromark-util-edit-map')), user).toBe(ours);
    }
  });
});
