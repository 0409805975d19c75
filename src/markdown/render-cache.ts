/**
 * A small LRU cache for rendered messages (HTML strings, or node trees). The UI re-renders a message bubble
 * many times (status changes, new messages arriving, rows scrolled back into the window), and parsing is the
 * expensive part, so the last few hundred results are kept. A `Map` iterates in insertion order, so re-inserting on every hit keeps the oldest entry first.
 *
 * Besides an entry count the cache has a character budget: 500 entries of 20,000-character messages
 * would otherwise pin tens of megabytes.
 */

export interface RenderCache<V = string> {
  get(key: string): V | undefined;
  /** `weight`: the value's size in characters; by default its length (strings). */
  set(key: string, value: V, weight?: number): void;
  clear(): void;
  readonly size: number;
}

export interface RenderCacheOptions {
  /** Most entries kept (default 500). */
  maxEntries?: number;
  /** Most characters kept, keys and values together (default 4,000,000, about 8 MB of UTF-16). */
  maxChars?: number;
}

export function createRenderCache<V = string>(options: RenderCacheOptions = {}): RenderCache<V> {
  const maxEntries = options.maxEntries ?? 500;
  const maxChars = options.maxChars ?? 4_000_000;
  const entries = new Map<string, { value: V; cost: number }>();
  let chars = 0;

  function drop(key: string): void {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    chars -= entry.cost;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, weight) {
      drop(key);
      const cost = key.length + (weight ?? (typeof value === 'string' ? value.length : 0));
      // An entry bigger than the whole budget would only evict everything else and then itself.
      if (maxEntries <= 0 || cost > maxChars) return;
      entries.set(key, { value, cost });
      chars += cost;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && chars <= maxChars) break;
        drop(oldest);
      }
    },
    clear() {
      entries.clear();
      chars = 0;
    },
    get size() {
      return entries.size;
    },
  };
}
