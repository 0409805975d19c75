/**
 * Finding a Web Storage backend that actually works. In a sandboxed or third-party iframe with
 * third-party cookies blocked, merely *reading* `window.localStorage` throws SecurityError; in old
 * Safari private mode `setItem` throws QuotaExceededError even for one byte; a full origin throws on
 * every write. So each candidate is probed with a real write/read/remove inside try/catch, once, and
 * the chain falls through to an in-memory map that always works (docs/architecture.md §4, storage).
 */
import { isOtherVersionKey, STORAGE_PREFIX } from './keys';

/** The part of the Web Storage API we use; real `Storage` objects satisfy it. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The fields of a `storage` event we read. */
export interface StorageEventLike {
  readonly key: string | null;
  readonly newValue: string | null;
  readonly storageArea?: unknown;
}

/** The part of `window` we use; the real `window` satisfies it, tests pass hand-written fakes. */
export interface WindowLike {
  readonly localStorage?: StorageLike;
  readonly sessionStorage?: StorageLike;
  addEventListener?(type: 'storage', listener: (event: StorageEventLike) => void): void;
  removeEventListener?(type: 'storage', listener: (event: StorageEventLike) => void): void;
}

export type BackendKind = 'local' | 'session' | 'memory';

/** A Map-backed StorageLike: the last link of every chain, and the whole chain for `persist: 'none'`. */
export function createMemoryStorage(): StorageLike {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
  };
}

const PROBE_KEY = `${STORAGE_PREFIX}probe`;

/** The named storage of `win` if reading it, writing to it and reading back all work; else undefined. */
export function probeStorage(
  win: WindowLike | undefined,
  name: 'localStorage' | 'sessionStorage',
): StorageLike | undefined {
  try {
    const storage = win?.[name];
    if (!storage) return undefined;
    storage.setItem(PROBE_KEY, '1');
    const ok = storage.getItem(PROBE_KEY) === '1';
    storage.removeItem(PROBE_KEY);
    return ok ? storage : undefined;
  } catch {
    return undefined;
  }
}

/** The first working backend for `persist`: local → session → memory, session → memory, none → memory. */
export function pickBackend(
  persist: 'local' | 'session' | 'none',
  win: WindowLike | undefined,
): { kind: BackendKind; storage: StorageLike } {
  if (persist === 'local') {
    const local = probeStorage(win, 'localStorage');
    if (local) return { kind: 'local', storage: local };
  }
  if (persist === 'local' || persist === 'session') {
    const session = probeStorage(win, 'sessionStorage');
    if (session) return { kind: 'session', storage: session };
  }
  return { kind: 'memory', storage: createMemoryStorage() };
}

/** All keys of `storage`, or [] if listing throws. Collected first so callers may remove while iterating. */
export function listKeys(storage: StorageLike): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null) keys.push(key);
    }
  } catch {
    // A storage that fails mid-listing yields what was read so far.
  }
  return keys;
}

/**
 * Removes every `captivate-chat:` key of another storage version from local and session storage.
 * Returns how many were removed. Never throws; storages that cannot be reached are skipped.
 */
export function purgeOldVersions(win: WindowLike | undefined = defaultWindow()): number {
  let removed = 0;
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    const storage = probeStorage(win, name);
    if (!storage) continue;
    for (const key of listKeys(storage)) {
      if (!isOtherVersionKey(key)) continue;
      try {
        storage.removeItem(key);
        removed++;
      } catch {
        // Nothing to do: the old key stays, and is still ignored on read.
      }
    }
  }
  return removed;
}

/** `window` in a browser, undefined under Node or in a worker without one. */
export function defaultWindow(): WindowLike | undefined {
  return typeof window === 'undefined' ? undefined : window;
}
