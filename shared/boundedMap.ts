/**
 * Sets `key` in `map` as its newest entry and, past `limit` entries, lets the oldest go (a Map keeps
 * the order its keys were set in): the caches and memories that must not grow with a long session.
 */
export function setWithin<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= limit) return;
    map.delete(oldest);
  }
}
