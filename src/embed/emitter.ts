/**
 * Host events: `on(name, cb)` listeners plus a `captivate:NAME` CustomEvent for each, on `target`: window,
 * or a `<captivate-chat>` element (the event bubbles up to window). Lives in the loader so a host can
 * subscribe before the chat application has loaded.
 */
import type { Emit, HostEventName, HostEvents } from '../store/events';

export interface Emitter {
  emit: Emit;
  on<K extends HostEventName>(name: K, cb: (detail: HostEvents[K]) => void): () => void;
}

export function createEmitter(target: EventTarget): Emitter {
  // `on()` listeners live on a private target: the browser runs each one, and reports a throwing host
  // callback without stopping the others or the widget.
  const listeners = new EventTarget();
  let ready: HostEvents['ready'] | undefined;
  const emit: Emit = (name, detail) => {
    if (name === 'ready') ready = detail as HostEvents['ready'];
    // One event for both: a listener gets only its detail, so the first dispatch cannot alter the second.
    const event = new CustomEvent(`captivate:${name}`, { detail, bubbles: true });
    listeners.dispatchEvent(event);
    target.dispatchEvent(event);
  };
  return {
    emit,
    on(name, cb) {
      if (typeof cb !== 'function') return () => {};
      const listener = (event: Event) => cb((event as CustomEvent).detail);
      listeners.addEventListener(`captivate:${name}`, listener);
      // `ready` has happened already for a late subscriber: tell it at once, as docs/architecture.md §2 promises.
      const fired = ready;
      if (name === 'ready' && fired) queueMicrotask(() => (cb as (d: HostEvents['ready']) => void)(fired));
      return () => listeners.removeEventListener(`captivate:${name}`, listener);
    },
  };
}
