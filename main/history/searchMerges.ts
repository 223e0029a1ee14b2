import type { Db } from './database';

/** Every full-text table: each write adds a segment to the ones it touches (migrations 002, 008, 011). */
export const SEARCH_TABLES = ['messages_fts', 'messages_grams', 'conversations_fts', 'conversations_grams', 'tool_calls_fts', 'tool_calls_grams'] as const;

/** Pages of merged index one step writes: a step is one table's, a few ms, so the app stays responsive while it merges. */
const PAGES_PER_STEP = 8;
/**
 * Segments of one level a write may add before it merges them itself (FTS5's "crisismerge", 16
 * by default): only a history written without a quiet moment for that long gets there.
 */
const CRISIS_SEGMENTS = 64;
/** How long no chat has been under way before merging starts: the person is reading, not sending. */
export const QUIET_MS = 2_000;

/**
 * Merges one step of the first search table that has segments to merge; false once none has.
 * FTS5 says a merge did work when it changed two rows or more (sqlite.org/fts5.html, "merge").
 */
export function mergeSearchStep(db: Db): boolean {
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  for (const table of SEARCH_TABLES) {
    const before = totalChanges.get() as number;
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ${PAGES_PER_STEP})`).run();
    if ((totalChanges.get() as number) - before >= 2) return true;
  }
  return false;
}

export interface SearchMerges {
  /** Held while a chat is under way (its question's commit, its flushes, its end): no merge step runs until every hold is released and QUIET_MS have passed. */
  hold(): () => void;
  stop(): void;
}

/**
 * Merges the search index's segments when the app is idle, never inside a write. FTS5 merges by
 * itself inside the write that adds a segment ("automerge", and "crisismerge" at 16 segments of
 * a level), and such a merge took 15-50 ms on a history of 20,000 messages: now and then a
 * question's commit, on the way to its request, or an answer's end waited that long. On each open
 * (FTS5 keeps the settings in the file) automatic merging is turned off and the crisis bound
 * raised to CRISIS_SEGMENTS; the merges run here in small steps, a task each, once no chat has
 * been under way for QUIET_MS. Merging changes how the index is stored, never what a search finds.
 */
export function createSearchMerges(db: Db, quietMs = QUIET_MS): SearchMerges {
  try {
    for (const table of SEARCH_TABLES) {
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 0)`).run();
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('crisismerge', ${CRISIS_SEGMENTS})`).run();
    }
  } catch (error) {
    // A full disk at start: the history still opens; FTS5 goes on merging in its writes as before.
    console.warn('[parley] the search index keeps merging in its writes:', error instanceof Error ? error.message : error);
  }
  let holds = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    // A merge left for later never keeps the process alive.
    timer = setTimeout(step, ms).unref();
  };
  function step() {
    timer = undefined;
    if (stopped || holds > 0 || !db.open) return;
    try {
      if (mergeSearchStep(db)) schedule(0);
    } catch (error) {
      // A full disk or a busy file: the index stays as it is, searches find the same; the next quiet moment tries again.
      console.warn('[parley] merging the search index failed:', error instanceof Error ? error.message : error);
    }
  }
  // Segments an earlier run left (or a version that merged in writes) are merged at the first quiet moment.
  schedule(quietMs);
  return {
    hold() {
      holds += 1;
      clearTimeout(timer);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds === 0 && !stopped) schedule(quietMs);
      };
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
