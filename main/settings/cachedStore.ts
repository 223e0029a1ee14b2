import type { KeyValueStore } from './keyValueStore';

/**
 * A store file read once per key. conf and electron-store read and parse the whole file on every
 * `get`, and each send reads the settings, the endpoints and the key on its way out. Parley runs as
 * one instance and is the file's only writer while it runs, so what it last wrote is what the file holds.
 * A write reaches the file before the copy kept here changes: a write that fails leaves both as they were.
 * Values are copied in and out, so a caller changing what it read changes nothing kept.
 */
export function createCachedStore(file: KeyValueStore): KeyValueStore {
  const kept = new Map<string, unknown>();
  return {
    get(key) {
      if (!kept.has(key)) kept.set(key, file.get(key));
      return structuredClone(kept.get(key));
    },
    set(key, value) {
      file.set(key, value);
      kept.set(key, structuredClone(value));
    },
    delete(key) {
      file.delete(key);
      kept.set(key, undefined);
    },
  };
}
