/** Batched edits to a list of micromark events (the API of micromark-util-edit-map 1.0). */
export class EditMap {
  /** Removes `remove` events at `index` and inserts `add` there, after additions already made at `index`. */
  add(index: number, remove: number, add: unknown[]): undefined;
  /** As `add`, but `add` goes before additions already made at `index`. */
  addBefore(index: number, remove: number, add: unknown[]): undefined;
  /** Applies the edits to `events` in place and forgets them. */
  consume(events: unknown[]): undefined;
}
