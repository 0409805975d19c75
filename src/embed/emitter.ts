/**
 * Host events: `on(name, cb)` listeners plus a `captivate:NAME` CustomEvent on window for each. Lives in the
 * loader so a host can subscribe before the chat application has loaded.
 */
import type { Emit, HostEventName, HostEvents } from '../store/events';

type Listener = (detail: never) => void;

export interface Emitter {
  emit: Emit;
  on<K extends HostEventName>(name: K, cb: (detail: HostEvents[K]) => void): () => void;
  clear(): void;
}

export function createEmitter(win: Window, forward?: Emit): Emitter {
  let listeners = new Map<string, Set<Listener>>();
  let readyFired = false;
  const emit: Emit = (name, detail) => {
    if (name === 'ready') readyFired = true;
    for (const cb of [...(listeners.get(name) ?? [])]) {
      try {
        (cb as (d: typeof detail) => void)(detail);
      } catch (error) {
        // A failing host callback must not break the widget or the other listeners.
        console.error('[captivate-chat]', error);
      }
    }
    win.dispatchEvent(new CustomEvent(`captivate:${name}`, { detail }));
    forward?.(name, detail);
  };
  return {
    emit,
    on(name, cb) {
      if (typeof cb !== 'function') return () => {};
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(cb as Listener);
      // `ready` has happened already for a late subscriber: tell it at once, as docs/architecture.md §2 promises.
      if (name === 'ready' && readyFired) queueMicrotask(() => (cb as (d: HostEvents['ready']) => void)({}));
      return () => set.delete(cb as Listener);
    },
    clear() {
      listeners = new Map();
    },
  };
}
