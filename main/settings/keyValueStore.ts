/**
 * The part of a JSON store that services use. Both `conf` (web mode, tests) and
 * `electron-store` (the app) satisfy it, so services never import either library.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
