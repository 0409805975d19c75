/**
 * Hand-written fakes for the storage tests: a Web Storage whose failures can be switched on, and a
 * window whose storage getters can throw like a sandboxed or third-party iframe's do.
 */
import type { StorageEventLike, StorageLike, WindowLike } from './backends';

export class FakeStorage implements StorageLike {
  readonly map = new Map<string, string>();
  /** Throw QuotaExceededError from setItem for keys matching this (all keys when true). */
  quota: boolean | ((key: string, value: string) => boolean) = false;
  /** Throw SecurityError from every call, as a storage revoked mid-session does. */
  revoked = false;

  get length(): number {
    this.check();
    return this.map.size;
  }
  key(index: number): string | null {
    this.check();
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    this.check();
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.check();
    const full = typeof this.quota === 'function' ? this.quota(key, value) : this.quota;
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.check();
    this.map.delete(key);
  }
  private check(): void {
    if (this.revoked) throw new DOMException('Access is denied', 'SecurityError');
  }
}

type Slot = StorageLike | 'throws' | undefined;

export interface FakeWindow extends WindowLike {
  /** How many times each storage getter was read. */
  readonly reads: { localStorage: number; sessionStorage: number };
  readonly listeners: Set<(event: StorageEventLike) => void>;
  dispatch(event: StorageEventLike): void;
}

export function fakeWindow(local: Slot, session: Slot): FakeWindow {
  const reads = { localStorage: 0, sessionStorage: 0 };
  const listeners = new Set<(event: StorageEventLike) => void>();
  const read = (name: 'localStorage' | 'sessionStorage', slot: Slot): StorageLike | undefined => {
    reads[name]++;
    if (slot === 'throws') {
      throw new DOMException(`Failed to read the '${name}' property from 'Window'`, 'SecurityError');
    }
    return slot;
  };
  return {
    reads,
    listeners,
    get localStorage() {
      return read('localStorage', local);
    },
    get sessionStorage() {
      return read('sessionStorage', session);
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    dispatch: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
}

/** Compile-time check only: the real `window` must satisfy WindowLike. */
export const realWindowFits = (w: Window): WindowLike => w;
