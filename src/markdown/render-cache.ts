/**
 * A small LRU cache for rendered HTML. The UI re-renders a message bubble many times (status changes,
 * new messages arriving), and marked + DOMPurify is the expensive part, so the last few hundred results
 * are kept. A `Map` iterates in insertion order, so re-inserting on every hit keeps the oldest entry first.
 *
 * Besides an entry count the cache has a character budget: 500 entries of 20,000-character messages
 * would otherwise pin tens of megabytes.
 */

export interface RenderCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  clear(): void;
  readonly size: number;
}

export interface RenderCacheOptions {
  /** Most entries kept (default 500). */
  maxEntries?: number;
  /** Most characters kept, keys and values together (default 4,000,000, about 8 MB of UTF-16). */
  maxChars?: number;
}

export function createRenderCache(options: RenderCacheOptions = {}): RenderCache {
  const maxEntries = options.maxEntries ?? 500;
  const maxChars = options.maxChars ?? 4_000_000;
  const entries = new Map<string, string>();
  let chars = 0;

  function drop(key: string): void {
    const value = entries.get(key);
    if (value === undefined) return;
    entries.delete(key);
    chars -= key.length + value.length;
  }

  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      drop(key);
      const cost = key.length + value.length;
      // An entry bigger than the whole budget would only evict everything else and then itself.
      if (maxEntries <= 0 || cost > maxChars) return;
      entries.set(key, value);
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
