import type { KeyValueStore } from './keyValueStore';

/** A store that lives only as long as the process: web mode keeps the key here, never on disk. */
export function createMemoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}
