import type { HistoryStore } from './historyStore';

/**
 * A store whose database can be replaced while the app runs (restoring a backup), so
 * everything holding it keeps working without being rebuilt.
 */
export function createSwappableStore(initial: HistoryStore): { store: HistoryStore; swap(next: HistoryStore): void } {
  let current = initial;
  const store = new Proxy({} as HistoryStore, {
    get: (_target, property: keyof HistoryStore) => {
      const member = current[property];
      return typeof member === 'function' ? member.bind(current) : member;
    },
  });
  return { store, swap: (next) => (current = next) };
}
