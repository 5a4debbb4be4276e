/** A Map that forgets its oldest entries past `limit`, so no client can grow memory without bound. */
export function boundedMap<K, V>(limit: number): Map<K, V> {
  const map = new Map<K, V>();
  const set = map.set.bind(map);
  map.set = (key: K, value: V) => {
    map.delete(key);
    set(key, value);
    while (map.size > limit) {
      const oldest = map.keys().next();
      if (oldest.done) break;
      map.delete(oldest.value);
    }
    return map;
  };
  return map;
}
