/**
 * micromark's EditMap (micromark-util-edit-map 1.0, MIT, by Titus Wormer), reimplemented for
 * Parley and put in its place through `overrides` in package.json. The one difference: `consume`
 * rebuilds the events from the first edited index on, where the original rebuilt the whole list.
 * micromark consumes an edit map at every lazy line that starts a new block inside a quote or a
 * list item, with edits near the end of the document's events, so the original made such text
 * cost the square of its length (100,000 characters of quoted list items: seconds to minutes).
 * Same edits, same result: tests/unit/vendor/editMap.test.ts checks it against splicing.
 */

export class EditMap {
  constructor() {
    /** @type {Map<number, [number, number, unknown[]]>} index → [index, removed, added] */
    this.changes = new Map();
  }

  add(index, remove, add) {
    record(this.changes, index, remove, add, false);
  }

  addBefore(index, remove, add) {
    record(this.changes, index, remove, add, true);
  }

  consume(events) {
    if (this.changes.size === 0) return;
    const changes = [...this.changes.values()].sort((a, b) => a[0] - b[0]);
    this.changes.clear();
    const from = changes[0][0];
    const rebuilt = [];
    let kept = from;
    for (const [index, remove, add] of changes) {
      for (; kept < index; kept++) rebuilt.push(events[kept]);
      for (const event of add) rebuilt.push(event);
      kept = index + remove;
    }
    for (; kept < events.length; kept++) rebuilt.push(events[kept]);
    // Element by element: a spread of a long list would overflow the stack.
    events.length = from;
    for (const event of rebuilt) events.push(event);
  }
}

/** Edits at one index merge: removals add up, additions go after (or `before`) those already there. */
function record(changes, index, remove, add, before) {
  if (remove === 0 && add.length === 0) return;
  const existing = changes.get(index);
  if (!existing) {
    changes.set(index, [index, remove, add]);
    return;
  }
  existing[1] += remove;
  existing[2] = before ? [...add, ...existing[2]] : [...existing[2], ...add];
}
