/**
 * Versioned, namespaced JSON storage that never throws. The conversation id lives here, so a storage
 * failure must degrade to "this tab forgets on reload", never to a broken widget. Values that are
 * corrupt or fail the caller's validator are removed on read, so one bad write cannot wedge every
 * later page load (docs/architecture.md §4, storage).
 */
import { type BackendKind, defaultWindow, listKeys, pickBackend, type WindowLike } from './backends';
import { makeKey, namespacePrefix, parseJsonSafe } from './keys';

export interface SafeStorageOptions {
  /** Separates widgets on one origin, e.g. `hashKey(apiKey)`. Default `default`. */
  namespace?: string;
  /** Defaults to the global `window`; tests pass a fake. */
  win?: WindowLike;
}

export interface SafeStorage {
  /** The backend actually in use after probing. */
  readonly kind: BackendKind;
  get<T>(key: string, validate: (value: unknown) => value is T): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** The keys (without prefix) this namespace holds, in the backend or in memory. */
  keys(): string[];
  /** Changes made by other tabs (local backend only). `value` is undefined when the key was removed. */
  onExternalChange(cb: (key: string, value: unknown) => void): () => void;
}

export function createSafeStorage(
  persist: 'local' | 'session' | 'none',
  opts: SafeStorageOptions = {},
): SafeStorage {
  // `none` never probes, so it never touches the window's storage even when one is given.
  const win = opts.win ?? defaultWindow();
  const { kind, storage } = pickBackend(persist, win);
  const namespace = opts.namespace ?? 'default';
  const prefix = namespacePrefix(namespace);
  // Values whose write the backend refused (quota, storage revoked mid-session): kept here so this tab
  // still sees what it wrote. Read before the backend, so a stale persisted value cannot shadow them.
  const overlay = new Map<string, string>();

  const readRaw = (full: string): string | null => {
    const held = overlay.get(full);
    if (held !== undefined) return held;
    try {
      return storage.getItem(full);
    } catch {
      return null;
    }
  };

  const remove = (key: string): void => {
    const full = makeKey(namespace, key);
    overlay.delete(full);
    try {
      storage.removeItem(full);
    } catch {
      // Unreachable backend: nothing stored there we could reach anyway.
    }
  };

  return {
    kind,
    get<T>(key: string, validate: (value: unknown) => value is T): T | undefined {
      const raw = readRaw(makeKey(namespace, key));
      if (raw === null) return undefined;
      try {
        const value = parseJsonSafe(raw);
        if (validate(value)) return value;
      } catch {
        // Corrupt JSON, or a validator that threw: both mean "not a value we can use".
      }
      remove(key);
      return undefined;
    },
    set(key: string, value: unknown): void {
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {
        return; // Circular or BigInt: not storable, and the caller's state is unaffected.
      }
      if (json === undefined) {
        remove(key); // JSON has no `undefined`: storing it means forgetting the key.
        return;
      }
      const full = makeKey(namespace, key);
      try {
        storage.setItem(full, json);
        overlay.delete(full);
      } catch {
        overlay.set(full, json);
        try {
          storage.removeItem(full); // An older value must not come back on the next page load.
        } catch {
          // Best effort only.
        }
      }
    },
    remove,
    keys(): string[] {
      const found = new Set<string>();
      for (const full of [...listKeys(storage), ...overlay.keys()]) {
        if (full.startsWith(prefix)) found.add(full.slice(prefix.length));
      }
      return [...found];
    },
    onExternalChange(cb: (key: string, value: unknown) => void): () => void {
      // Only localStorage is shared between tabs; session and memory storage never change behind us.
      if (kind !== 'local' || !win?.addEventListener) return () => {};
      const listener = (event: { key: string | null; newValue: string | null; storageArea?: unknown }) => {
        try {
          if (event.key === null || !event.key.startsWith(prefix)) return;
          if (event.storageArea !== undefined && event.storageArea !== storage) return;
          const value = event.newValue === null ? undefined : parseJsonSafe(event.newValue);
          cb(event.key.slice(prefix.length), value);
        } catch {
          // Corrupt value from another tab, or a throwing callback: never let it escape into the host.
        }
      };
      try {
        win.addEventListener('storage', listener);
      } catch {
        return () => {};
      }
      return () => {
        try {
          win.removeEventListener?.('storage', listener);
        } catch {
          // Nothing left to clean up.
        }
      };
    },
  };
}
